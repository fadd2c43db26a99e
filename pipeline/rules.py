"""Rules as data: the shipped rule file, extended by user files, checked for empty groups."""
from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .removals import REMOVALS

# Every group and key the code reads (a missing one is an error here, not a KeyError in a
# worker; tests/test_rules_schema.py checks that the code reads no other). [page_kinds] is
# read key by key with defaults (kinds.py): PAGE_KIND_KEYS.
REQUIRED_GROUPS = {
    "ad_markers": ("begin", "end"),
    "ad_block_kinds": None,
    "drop_elements": ("tags",),
    "adsense": ("classes",),
    "text_ads": ("classes",),
    "link_farms": ("classes", "phrases", "headings", "lead_ins"),
    "affiliate_hosts": ("hosts", "host_shapes", "path_shapes", "network_hosts", "network_pages"),
    "affiliate_redirects": ("params", "any_host"),
    "affiliate_tags": ("params",),
    "affiliate_url_parts": ("parts",),
    "tracking_pixels": ("styles", "max_size"),
    "safe_schemes": ("schemes", "never"),
    "disclaimers": ("first", "second", "sponsor", "sponsor_negations"),
    "calls_to_action": ("anchors", "offers", "buttons", "weak_buttons", "pointers", "button_verbs"),
    "tag_lists": ("max_words", "url_parts"),
    "outros": ("requests", "sign_offs", "generic", "addressed"),
    "scrape_artifacts": ("lone_lines", "lone_patterns", "credits", "caption_credits", "name_credit_labels"),
    "html_elements": ("names",),
    "title_spin": ("prefixes", "suffixes"),
    "title_choice": ("generic_words", "min_shared_words", "spin_patterns", "compose_openers", "compose_pronouns",
                     "site_participles", "spin_words", "spin_not_first",
                     "spin_labels", "confusables", "message_words", "kind_nouns", "not_explainers", "to_verbs"),
    "promotional": ("phrases", "manual_labels", "manual_cues", "alternatives", "products", "sell_words", "offer_verbs",
                    "editions", "min_bodies", "manual_links", "sequence_labels", "tool_nouns", "choice_openers",
                    "box_buttons", "declines", "pointers", "means", "tool_starts"),
    "section_kinds": None,
    "tables_of_contents": ("labels", "navigation"),
    "summary": ("contents_labels", "ad_lines", "credit_lines"),
    "causes": ("bold_phrases_under",),
    "step_shapes": ("numbered", "imperative_verbs", "sequence_words", "action_verbs", "move_verbs", "move_places", "action_adverbs", "preliminary",
                    "procedure_headings", "division_words", "way_words", "both_cues", "both_cues_between", "way_label_words", "question_words", "gerund_objects",
                    "not_verbs", "prevention", "avoiding_words", "check_questions", "closing_headings",
                    "procedure_leads", "indirect_questions", "advice_leads", "advice_verbs", "fix_leads", "not_items", "browsing_verbs", "pleas", "pointer_openings",
                    "remedy_words", "prices", "last_resorts", "writer_verbs", "clause_openers", "clause_not_after", "connectors"),
    "extract": ("command_words", "shortcut_keys", "named_keys", "held_filler", "shortcut_names"),
    "boilerplate": ("min_families", "family_link_bodies", "family_line_words", "short_label_words",
                    "min_echoes_in_body", "seeds", "bylines", "comment_buttons", "comment_words", "shop_labels",
                    "cross_link_labels", "shop_at", "shop_on_verbs", "shop_label_verbs", "feedback_buttons", "more_buttons", "more_buttons_bare", "footer_marks",
                    "house_words", "attribution_labels", "cjk_content", "breadcrumb_roots", "date_months",
                    "author_marks", "view_words", "review_words", "signup_fields", "signup_buttons", "signup_topics",
                    "signup_consent", "crumb_back_links", "crumb_back_links_lost", "header_contents_labels",
                    "template_anchors"),
}


# Rules that are regular expressions (compiled here, so that a bad one is an error naming
# its file and key, never a traceback from a worker), and numbers (one integer; a later
# file's value replaces the earlier one, so a threshold can be lowered as well as raised).
REGEX_KEYS = {("link_farms", "lead_ins"), ("outros", "requests"), ("outros", "sign_offs"), ("outros", "addressed"),
              ("scrape_artifacts", "lone_patterns"), ("scrape_artifacts", "credits"), ("scrape_artifacts", "caption_credits"),
              ("title_spin", "prefixes"), ("title_spin", "suffixes"), ("title_choice", "spin_patterns"),
              ("title_choice", "spin_words"), ("title_choice", "message_words"), ("causes", "bold_phrases_under"), ("step_shapes", "numbered"), ("step_shapes", "preliminary"),
              ("step_shapes", "procedure_headings"), ("step_shapes", "prevention"), ("step_shapes", "check_questions"), ("step_shapes", "closing_headings"), ("step_shapes", "procedure_leads"), ("step_shapes", "indirect_questions"), ("step_shapes", "advice_leads"), ("step_shapes", "fix_leads"), ("step_shapes", "remedy_words"), ("step_shapes", "prices"), ("step_shapes", "last_resorts"),
              ("tables_of_contents", "labels"), ("tables_of_contents", "navigation"),
              ("affiliate_hosts", "host_shapes"), ("affiliate_hosts", "path_shapes"), ("calls_to_action", "buttons"), ("calls_to_action", "weak_buttons"),
              ("disclaimers", "sponsor"), ("disclaimers", "sponsor_negations"),
              ("summary", "contents_labels"), ("summary", "ad_lines"), ("summary", "credit_lines"),
              ("promotional", "manual_labels"), ("promotional", "manual_cues"), ("promotional", "sell_words"),
              ("promotional", "manual_links"), ("promotional", "sequence_labels"), ("promotional", "choice_openers"),
              ("promotional", "declines"), ("promotional", "pointers"),
              ("boilerplate", "seeds"), ("boilerplate", "bylines"),
              ("boilerplate", "shop_labels"), ("boilerplate", "footer_marks"),
              ("boilerplate", "cjk_content"), ("boilerplate", "author_marks"),
              ("boilerplate", "signup_topics"), ("boilerplate", "signup_consent"), ("boilerplate", "crumb_back_links"),
              ("boilerplate", "crumb_back_links_lost"), ("boilerplate", "header_contents_labels")}
NUMBER_KEYS = {("tracking_pixels", "max_size"), ("tag_lists", "max_words"), ("title_choice", "min_shared_words"),
               ("page_kinds", "imperative_percent"), ("page_kinds", "flat_max_headings"), ("page_kinds", "spread_percent"),
               ("page_kinds", "personal_percent"), ("page_kinds", "question_percent"), ("page_kinds", "quoted_experts"), ("page_kinds", "tie_title_percent"), ("affiliate_hosts", "network_hosts"),
               ("affiliate_hosts", "network_pages"), ("promotional", "min_bodies"),
               ("boilerplate", "min_families"), ("boilerplate", "family_link_bodies"), ("boilerplate", "family_line_words"),
               ("boilerplate", "short_label_words"), ("boilerplate", "min_echoes_in_body"), ("step_shapes", "way_label_words")}
# Groups whose keys are names the user may add: an ad block counted as any removal kind of
# pipeline/removals.py; section kinds that the schema of kb.json allows.
OPEN_GROUPS = {"ad_block_kinds"}
SECTION_KINDS = ("intro", "explanation", "cause", "fix", "faq", "conclusion", "promotional", "other")


def page_kind_keys() -> dict[str, str]:
    """[page_kinds] key -> what it holds, for every key kinds.py reads: per page kind its cues
    (regex), repeated_KIND cues (regex) and labels_KIND (words); step_kinds (kind names)."""
    from .kinds import KINDS  # (kinds.py reads Rules from here)
    keys = {"step_kinds": "kinds", "imperative_verbs": "words", "imperative_percent": "number",
            "lead_weighted": "kinds", "title_goals": "kinds", "flat_kinds": "kinds", "flat_max_headings": "number",
            "spread_kinds": "kinds", "spread_percent": "number", "aside_kinds": "kinds",
            "impersonal_kinds": "kinds", "first_person": "words", "personal_percent": "number",
            "question_percent": "number", "sponsored_kinds": "kinds", "anchored_kinds": "kinds", "expert_roles": "words", "quoted_experts": "number",
            "tie_titled": "kinds", "tie_title_percent": "number"}
    for k in KINDS:
        keys.update({k: "regex", "repeated_" + k: "regex", "labels_" + k: "words", "title_" + k: "regex",
                     "lead_" + k: "regex", "anchor_" + k: "regex", "once_" + k: "regex"})
    return keys


class RulesError(Exception):
    """A rule file is unreadable, malformed, or has an empty group."""


@dataclass(frozen=True)
class Rules:
    data: dict  # group -> key -> list[str]
    digest: str

    def closing_labels(self) -> re.Pattern:
        """A heading's words that name a FAQ or a conclusion ([section_kinds]: "Conclusion", "Final
        words"): a section's label, never a product's or a maker's name."""
        kinds = self.data["section_kinds"]
        return re.compile("|".join(f"(?:{p})" for k in ("faq", "conclusion") for p in kinds.get(k, [])) or "(?!)", re.I)

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
    if (group, key) == ("safe_schemes", "never"):
        for v in values:
            if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.\-]*:", v):
                raise RulesError(f"{where}: {v!r} is not a URL scheme and its colon, as in \"javascript:\"")
    if (group, key) == ("title_choice", "confusables"):
        for v in values:
            if len(v) != 2 or not v[1].isascii() or not v[1].isalpha() or v[0].isascii():
                raise RulesError(f"{where}: {v!r} is not a letter of another script and the Latin letter it looks "
                                 f"like, as in \"ТT\"")
    if group == "ad_block_kinds" and key not in REMOVALS:
        raise RulesError(f"{where}: unknown removal kind; kb.json's schema allows those of pipeline/removals.py: "
                         f"{', '.join(REMOVALS)}")
    if group == "page_kinds":
        _check_page_kind(where, key, values)
    elif shipped and group not in OPEN_GROUPS | {"section_kinds"} and key not in shipped[group]:
        raise RulesError(f"{where}: unknown key; [{group}] has {', '.join(sorted(shipped[group]))}")
    if (group, key) in NUMBER_KEYS and (len(values) != 1 or not values[0].strip().isdigit()):
        raise RulesError(f"{where} must be one whole number, as in [\"3\"] (got {values!r})")
    if (group, key) in REGEX_KEYS or group == "section_kinds" or (
            group == "page_kinds" and page_kind_keys()[key] == "regex"):
        for v in values:
            try:
                re.compile(v)
            except re.error as exc:
                raise RulesError(f"{where}: invalid regular expression {v!r}: {exc}") from None


def _check_page_kind(where: str, key: str, values: list[str]) -> None:
    from .kinds import KINDS
    keys = page_kind_keys()
    if key not in keys:
        raise RulesError(f"{where}: unknown key; [page_kinds] has a key per page kind ({', '.join(KINDS)}), "
                         "repeated_KIND, labels_KIND, title_KIND, lead_KIND, once_KIND, lead_weighted, title_goals, step_kinds, imperative_verbs, "
                         "imperative_percent, flat_kinds, flat_max_headings, spread_kinds, spread_percent")
    if keys[key] == "kinds" and not set(values) <= set(KINDS):
        raise RulesError(f"{where}: unknown page kind {', '.join(sorted(set(values) - set(KINDS)))}; "
                         f"the kinds are {', '.join(KINDS)}")
