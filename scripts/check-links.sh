#!/usr/bin/env bash
# Checks that every relative link in README.md and docs/*.md resolves inside this repository:
# markdown links [text](path), [text](path#anchor) and [text](#anchor), images ![alt](path),
# reference definitions [label]: path, and the href/src of HTML <a> and <img> tags.
#
#   - the target must be a file or folder inside the repository that git does not ignore (a link
#     that climbs out of the repository, or into build output, is broken);
#   - an anchor into a Markdown file must name one of its headings, as GitHub slugs it (lower case,
#     punctuation dropped, spaces to dashes, -1, -2... for repeats), or an explicit id/name;
#     an anchor into another file must be a line anchor (#L10, #L10-L20);
#   - links with a scheme (http:, https:, mailto:...) are not checked; nor is anything inside code
#     spans or fenced code blocks.
#
# Prints each broken link as file:line: link (why), and exits 1 when there is any.
#
#   scripts/check-links.sh            README.md and docs/*.md
#   scripts/check-links.sh FILE...    only these Markdown files
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -eq 0 ]; then
  set -- README.md docs/*.md
fi

exec python3 - "$@" <<'PY'
import os
import re
import subprocess
import sys
import unicodedata
from urllib.parse import unquote

ROOT = os.path.realpath(os.getcwd())

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
# [text](target) and ![alt](target); the text may hold one level of brackets (an image in a link).
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
REFERENCE_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
HTML_ATTR = re.compile(r"<(?:a|img)\b[^>]*?\b(?:href|src)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.I)
HTML_ANCHOR = re.compile(r"<[a-z][^>]*?\b(?:id|name)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.I)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
LINE_ANCHOR = re.compile(r"^L\d+(-L\d+)?$")


def blank_code_spans(line):
    """The line with every code span replaced by spaces, so links inside code are not links."""
    return CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def prose_lines(text):
    """(line number, line) outside fenced code blocks; inside them, the line is ''."""
    fence = None
    for number, line in enumerate(text.split("\n"), 1):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            yield number, ""
        elif fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and line.strip() == match.group(1):
                fence = None
            yield number, ""
        else:
            yield number, line


def slug(heading):
    """GitHub's anchor for a heading's text."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # images: their alt text
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links: their text
    text = re.sub(r"<[^>]+>", "", text)  # inline HTML
    text = text.replace("`", "")
    text = re.sub(r"(\*+|(?<!\w)_+|_+(?!\w))", "", text)  # emphasis markers, not snake_case
    text = text.strip().lower()
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch in "-_ " or category[0] in "LN" or category == "Mn":
            kept.append("-" if ch == " " else ch)
    return "".join(kept)


anchor_cache = {}


def anchors(path):
    """Every anchor GitHub gives a Markdown file: heading slugs (-1, -2... for repeats) and ids."""
    if path in anchor_cache:
        return anchor_cache[path]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    found, counts = set(), {}
    previous = ""
    for _, line in prose_lines(text):
        match = HEADING.match(line)
        title = match.group(2) if match else None
        if title is None and previous.strip() and SETEXT.match(line) and not HEADING.match(previous):
            title = previous.strip()
        if title is not None:
            base = slug(title)
            n = counts.get(base, 0)
            counts[base] = n + 1
            found.add(base if n == 0 else f"{base}-{n}")
        for m in HTML_ANCHOR.finditer(line):
            found.add(m.group(1) or m.group(2))
        previous = line
    anchor_cache[path] = found
    return found


def ignored_by_git(path):
    try:
        result = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except FileNotFoundError:
        return False
    return result.returncode == 0


def problem(source, target):
    """Why target, linked from the Markdown file source, is broken; None when it resolves."""
    if target.startswith("<") and target.endswith(">"):
        target = target[1:-1]
    if not target or SCHEME.match(target) or target.startswith("//"):
        return None
    path_part, _, anchor = target.partition("#")
    path_part = unquote(path_part.split("?", 1)[0])
    if path_part.startswith("/"):
        resolved = os.path.join(ROOT, path_part.lstrip("/"))
    elif path_part:
        resolved = os.path.join(os.path.dirname(source), path_part)
    else:
        resolved = source
    resolved = os.path.realpath(resolved)
    if resolved != ROOT and not resolved.startswith(ROOT + os.sep):
        return "outside the repository"
    if not os.path.exists(resolved):
        return "no such file"
    if ignored_by_git(os.path.relpath(resolved, ROOT)):
        return "ignored by git (build output?)"
    if not anchor:
        return None
    anchor = unquote(anchor)
    if os.path.isfile(resolved) and resolved.lower().endswith((".md", ".markdown")):
        if anchor.lower() not in {a.lower() for a in anchors(resolved)}:
            return f"no heading #{anchor} in {os.path.relpath(resolved, ROOT)}"
        return None
    if os.path.isfile(resolved) and LINE_ANCHOR.match(anchor):
        return None
    return f"anchor #{anchor} cannot be checked in {os.path.relpath(resolved, ROOT)}"


def links(text):
    """(line number, target) of every link outside code."""
    for number, line in prose_lines(text):
        if not line:
            continue
        prose = blank_code_spans(line)
        for m in INLINE_LINK.finditer(prose):
            yield number, m.group(1)
        m = REFERENCE_DEF.match(prose)
        if m:
            yield number, m.group(1)
        for m in HTML_ATTR.finditer(prose):
            yield number, m.group(1) if m.group(1) is not None else m.group(2)


broken = 0
checked = 0
for name in sys.argv[1:]:
    source = os.path.realpath(name)
    if not os.path.isfile(source):
        print(f"{name}: no such file", file=sys.stderr)
        broken += 1
        continue
    with open(source, encoding="utf-8") as f:
        text = f.read()
    for number, target in links(text):
        checked += 1
        why = problem(source, target)
        if why:
            broken += 1
            print(f"{name}:{number}: {target} ({why})")

files = len(sys.argv) - 1
if broken:
    print(f"{broken} broken link(s) among {checked} in {files} file(s)", file=sys.stderr)
    sys.exit(1)
print(f"all {checked} links resolve ({files} file(s))")
PY
