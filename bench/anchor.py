"""The anchor: what a user would write by hand instead of this pipeline.

Read every article with python-frontmatter, strip the ad markup with regular
expressions, cluster the bodies with datasketch MinHash + MinHashLSH (word 5-shingles,
128 permutations, threshold 0.8), and write one JSON record per cluster. No section
structure, no link cleaning, no verification of look-alikes: a lower bar than the
pipeline's, which makes the speed ratio conservative.

    python bench/anchor.py INPUT_DIR OUTPUT_JSON
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import frontmatter
from datasketch import MinHash, MinHashLSH

AD_PATTERNS = [re.compile(p, re.S | re.I) for p in (
    r"<!--\s*affiliate ads begin\s*-->.*?<!--\s*affiliate ads end\s*-->",
    r"<ins\b[^>]*>.*?</ins>",
    r"<script\b[^>]*>.*?</script>",
    r"<iframe\b[^>]*>.*?</iframe>",
    r"<video\b[^>]*>.*?</video>",
    r'<span class="atpl-alsoreadstyle">.*?</ul>\s*</div>',
    r"<[^>]+>",
    r"\[([^\]]*)\]\(https?://(?:tools\.techidaily\.com|[\w.-]*\.(?:pxf\.io|sjv\.io|elfm\.net|8odi\.net|7eer\.net))[^)]*\)",
)]
WORD = re.compile(r"\w+")


def strip_ads(body: str) -> str:
    for pattern in AD_PATTERNS:
        body = pattern.sub(lambda m: m.group(1) if m.re.groups else "", body)
    return body


def minhash(text: str) -> MinHash:
    words = WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}
    m = MinHash(num_perm=128)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def run(input_dir: Path, output: Path) -> int:
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    docs = {}
    for path in sorted(input_dir.rglob("*.md")):
        key = str(path.relative_to(input_dir))
        try:
            post = frontmatter.load(path)
        except Exception:  # a hand-written script skips what it cannot read
            continue
        body = strip_ads(post.content)
        m = minhash(body)
        lsh.insert(key, m)
        docs[key] = (str(post.get("title", "")), body, m)
    parent = {k: k for k in docs}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for key, (_, _, m) in docs.items():
        for other in lsh.query(m):
            parent[find(other)] = find(key)
    clusters: dict[str, list[str]] = {}
    for key in docs:
        clusters.setdefault(find(key), []).append(key)
    out = [{"title": docs[min(members)][0], "body": docs[min(members)][1], "sources": sorted(members)}
           for members in clusters.values()]
    output.write_text(json.dumps(sorted(out, key=lambda e: e["sources"][0]), indent=2), "utf-8")
    return len(out)


if __name__ == "__main__":
    print(run(Path(sys.argv[1]), Path(sys.argv[2])))
