"""Stage 2: remove ads, affiliate rewriting, executable markup and scrape debris.

The cleaner works on the markdown body in passes:

0. what spinning varies is cut first, by scanning: comment-delimited ad blocks (outside
   fenced code) and link farms of the usual shape; the title heading is split off, so
   that the rest, the same in every spun copy, is cleaned once (`split`, `join_parts`);
1. stray backtick debris (broken HTML-to-markdown conversion) is removed, real code kept;
2. code (fenced blocks, code spans), autolinks and `<placeholder>`s are swapped for
   sentinels, so no later pass can touch them;
3. comment-delimited ad blocks still left are cut out by scanning for the markers;
4. each remaining block (paragraph) that still holds HTML is parsed with BeautifulSoup and
   rendered back to markdown without ads, scripts, attributes or unsafe URLs;
5. markdown links and images to affiliate or unsafe URLs lose their URL (links keep
   their text, images go); disclaimers, link farms and lone scrape artifacts go;
6. scrape formatting damage is repaired; code is put back byte for byte.

What was removed is counted by kind; anything surprising is a warning.
"""
from .cleaner import Cleaned, Cleaner, Split, join_parts, merge_counts
from .code import unsentinel
from .links import linked_domains, lost_key, lost_links, network_domains, unlink_network

__all__ = [
    "Cleaned", "Cleaner", "Split", "join_parts", "linked_domains", "lost_key", "lost_links", "merge_counts", "network_domains",
    "unlink_network", "unsentinel",
]
