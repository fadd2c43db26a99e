"""README's CLI summary names every option each command's --help offers (docs kept honest
the way sqlite-utils keeps its own)."""
import re

import click

from pipeline.cli import main

from .conftest import ROOT


def _summary() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    return readme.split("## CLI", 1)[1].split("```sh", 1)[1].split("```", 1)[0]


def test_every_command_and_option_is_in_the_readme_summary():
    summary = _summary()
    for name, command in main.commands.items():
        assert f"pipeline {name}" in summary, name
        for param in command.params:
            if isinstance(param, click.Option):
                longs = [o for o in param.opts if o.startswith("--") and o != "--help"]
                assert any(re.search(re.escape(o) + r"\b", summary) for o in longs), f"{name} {longs}"
