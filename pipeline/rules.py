"""Rules as data: the shipped rule file, extended by user files, checked for empty groups."""
from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

REQUIRED_GROUPS = {
    "ad_markers": ("begin", "end"),
    "ad_block_kinds": None,
    "drop_elements": ("tags",),
    "adsense": ("classes",),
    "text_ads": ("classes",),
    "link_farms": ("classes", "phrases"),
    "affiliate_hosts": ("hosts",),
    "affiliate_url_parts": ("parts",),
    "tracking_pixels": ("styles", "max_size"),
    "safe_schemes": ("schemes", "never"),
    "disclaimers": ("first", "second"),
    "calls_to_action": ("anchors", "offers"),
    "scrape_artifacts": ("lone_lines", "lone_patterns"),
    "html_elements": ("names",),
    "title_spin": ("prefixes", "suffixes"),
    "promotional": ("phrases",),
    "section_kinds": None,
    "causes": ("bold_phrases_under",),
    "step_shapes": ("numbered", "imperative_verbs"),
    "extract": ("command_words", "shortcut_keys"),
}


class RulesError(Exception):
    """A rule file is unreadable, malformed, or has an empty group."""


@dataclass(frozen=True)
class Rules:
    data: dict  # group -> key -> list[str]
    digest: str

    def get(self, group: str, key: str) -> list[str]:
        return self.data[group][key]


def load_rules(extra: tuple[str, ...] | list[str] = ()) -> Rules:
    """The shipped rules, extended by each user file in `extra` (lists are appended)."""
    default = resources.files("pipeline").joinpath("rules/default.toml").read_text("utf-8")
    texts = [("default.toml", default)]
    for path in extra:
        try:
            texts.append((str(path), Path(path).read_text("utf-8")))
        except OSError as exc:
            raise RulesError(f"{path}: cannot read rule file: {exc.strerror or exc}") from None
    merged: dict[str, dict[str, list[str]]] = {}
    digest = hashlib.sha256()
    for name, text in texts:
        digest.update(text.encode("utf-8"))
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise RulesError(f"{name}: {exc}") from None
        for group, keys in data.items():
            if not isinstance(keys, dict):
                raise RulesError(f"{name}: [{group}] must be a table of lists")
            for key, values in keys.items():
                if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                    raise RulesError(f"{name}: [{group}] {key} must be a list of strings")
                if not values or not all(v.strip() for v in values):
                    raise RulesError(f"{name}: [{group}] {key} is empty; an empty rule group is an error")
                merged.setdefault(group, {}).setdefault(key, []).extend(values)
    for group, keys in REQUIRED_GROUPS.items():
        if group not in merged:
            raise RulesError(f"rules: group [{group}] is missing")
        for key in keys or ():
            if key not in merged[group]:
                raise RulesError(f"rules: [{group}] {key} is missing")
    return Rules(data=merged, digest=digest.hexdigest()[:16])


