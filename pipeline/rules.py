"""Rules as data: the shipped rule file, extended by user files, checked for empty groups."""
from __future__ import annotations

import hashlib
import re
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


# Rules that are regular expressions (compiled here, so that a bad one is an error naming
# its file and key, never a traceback from a worker), and numbers (one integer; a later
# file's value replaces the earlier one, so a threshold can be lowered as well as raised).
REGEX_KEYS = {("link_farms", "lead_ins"), ("outros", "requests"), ("outros", "sign_offs"),
              ("scrape_artifacts", "lone_patterns"), ("title_spin", "prefixes"), ("title_spin", "suffixes"),
              ("causes", "bold_phrases_under"), ("step_shapes", "numbered"),
              ("tables_of_contents", "labels"), ("tables_of_contents", "navigation")}
NUMBER_KEYS = {("tracking_pixels", "max_size"), ("tag_lists", "max_words"), ("title_choice", "min_shared_words"),
               ("page_kinds", "imperative_percent")}
# Groups whose keys are names the user may add: any kind of ad block; section kinds that
# the schema of kb.json allows.
OPEN_GROUPS = {"ad_block_kinds"}
SECTION_KINDS = ("intro", "explanation", "cause", "fix", "faq", "conclusion", "promotional", "other")


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
    texts = [("default.toml", default.encode("utf-8"))]
    for path in extra:
        try:
            texts.append((str(path), Path(path).read_bytes()))
        except OSError as exc:
            raise RulesError(f"{path}: cannot read rule file: {exc.strerror or exc}") from None
    merged: dict[str, dict[str, list[str]]] = {}
    digest = hashlib.sha256()
    shipped: dict[str, set[str]] = {}  # group -> keys of the shipped file, once it is read
    for name, raw in texts:
        if merged and not shipped:
            shipped = {g: set(keys) for g, keys in merged.items()}
        digest.update(raw)
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise RulesError(f"{name}: not UTF-8 (byte {exc.start}); rule files are UTF-8 TOML") from None
        except tomllib.TOMLDecodeError as exc:
            raise RulesError(f"{name}: {exc}") from None
        for group, keys in data.items():
            if not isinstance(keys, dict):
                raise RulesError(f"{name}: [{group}] must be a table of lists")
            if shipped and group not in shipped:
                raise RulesError(f"{name}: unknown group [{group}]; the groups are those of the shipped "
                                 f"pipeline/rules/default.toml")
            for key, values in keys.items():
                _check(name, group, key, values, shipped)
                if (group, key) in NUMBER_KEYS:
                    merged.setdefault(group, {})[key] = values
                else:
                    merged.setdefault(group, {}).setdefault(key, []).extend(values)
    for group, keys in REQUIRED_GROUPS.items():
        if group not in merged:
            raise RulesError(f"rules: group [{group}] is missing")
        for key in keys or ():
            if key not in merged[group]:
                raise RulesError(f"rules: [{group}] {key} is missing")
    return Rules(data=merged, digest=digest.hexdigest()[:16])


def _check(name: str, group: str, key: str, values, shipped: dict) -> None:
    """One `key = [...]` of [group] in rule file `name`, against the shipped rules' groups
    and keys (`shipped` is empty while the shipped file itself is read)."""
    where = f"{name}: [{group}] {key}"
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise RulesError(f"{where} must be a list of strings")
    if not values or not all(v.strip() for v in values):
        raise RulesError(f"{where} is empty; an empty rule group is an error")
    if group == "section_kinds" and key not in SECTION_KINDS:
        raise RulesError(f"{where}: unknown section kind; kb.json's schema allows {', '.join(SECTION_KINDS)}")
    if shipped and group not in OPEN_GROUPS | {"section_kinds"} and key not in shipped[group]:
        raise RulesError(f"{where}: unknown key; [{group}] has {', '.join(sorted(shipped[group]))}")
    if (group, key) in NUMBER_KEYS and (len(values) != 1 or not values[0].strip().isdigit()):
        raise RulesError(f"{where} must be one whole number, as in [\"3\"] (got {values!r})")
    if (group, key) in REGEX_KEYS or group == "section_kinds":
        for v in values:
            try:
                re.compile(v)
            except re.error as exc:
                raise RulesError(f"{where}: invalid regular expression {v!r}: {exc}") from None



