#!/usr/bin/env python3
"""Makes datasets/english-words.txt.gz and datasets/spanish-words.txt.gz from the full lists.

The full lists (63,875 English and 86,016 Spanish words) are more than the lessons need and
slow to read; this keeps 10,000 words per language, chosen the same way on every machine.

    scripts/make-word-subsets.py [SOURCE_DIR]   (default: ../shared/data)

Rules, in order (datasets/README.md repeats them):
 1. NFC-normalise each line; keep words of 2..12 letters from the language's alphabet
    (English a-z; Spanish a-z plus á é í ó ú ü ñ).
 2. Drop words found in both lists ("a", "me", "no", ...), so a word's language is never
    ambiguous in the language-identification task.
 3. Keep the 10,000 words with the smallest SHA-256 of "thaw-words-v1/<language>/<word>":
    a seeded sample whose seed is that salt, reproducible without any random generator.
 4. Write them in alphabetical order, gzip level 9, with no file name and mtime 0, so the
    output bytes do not depend on when or where the script ran.
"""
import gzip, hashlib, os, re, sys, unicodedata

KEEP = 10_000
SALT = "thaw-words-v1"
ALPHABET = {"english": re.compile(r"^[a-z]{2,12}$"),
            "spanish": re.compile(r"^[a-zñáéíóúü]{2,12}$")}

def read(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return {unicodedata.normalize("NFC", line.strip()) for line in f}

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "data")
    words = {lang: read(os.path.join(source, f"{lang}-words.txt.gz")) for lang in ALPHABET}
    shared = words["english"] & words["spanish"]
    for lang, pattern in ALPHABET.items():
        pool = [w for w in words[lang] if pattern.match(w) and w not in shared]
        key = lambda w: hashlib.sha256(f"{SALT}/{lang}/{w}".encode()).hexdigest()
        chosen = sorted(sorted(pool, key=key)[:KEEP])
        out = os.path.join(here, "..", "datasets", f"{lang}-words.txt.gz")
        with open(out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw,
                                                  compresslevel=9, mtime=0) as gz:
            gz.write(("\n".join(chosen) + "\n").encode("utf-8"))
        print(f"{lang}: {len(words[lang])} words, {len(pool)} eligible "
              f"({len(shared)} shared dropped), kept {len(chosen)} -> {os.path.relpath(out)}")

if __name__ == "__main__":
    main()
