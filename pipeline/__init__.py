"""Scraped troubleshooting articles in, one consolidated JSON knowledge base out."""
__version__ = "0.1.0"
