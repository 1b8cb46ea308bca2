"""A minimal reader of the WordNet 3.0 database files (Debian wordnet-base): enough to list a
lemma's senses, their synonyms, troponyms (verb hyponyms) and derivationally related words."""
import os

POS_FILES = {"VERB": "verb", "NOUN": "noun"}
POS_CODE = {"v": "VERB", "n": "NOUN", "a": "ADJ", "s": "ADJ", "r": "ADV"}


class WordNet:
    def __init__(self, directory="/usr/share/wordnet"):
        self.dir = directory
        self.index = {}  # (pos, lemma) -> [offset, ...] in sense order
        self.data = {}  # (pos, offset) -> parsed synset
        for upos, name in POS_FILES.items():
            with open(os.path.join(directory, "index." + name), encoding="latin-1") as f:
                for line in f:
                    if line.startswith(" "):
                        continue
                    parts = line.split()
                    lemma, p_cnt = parts[0], int(parts[3])
                    synset_cnt = int(parts[2])
                    offsets = parts[4 + p_cnt + 2:]
                    assert len(offsets) == synset_cnt
                    self.index[(upos, lemma)] = offsets

    def synset(self, upos, offset):
        key = (upos, offset)
        if key not in self.data:
            name = POS_FILES[upos]
            with open(os.path.join(self.dir, "data." + name), "rb") as f:
                f.seek(int(offset))
                line = f.readline().decode("latin-1")
            parts = line.split(" | ")[0].split()
            gloss = line.split(" | ", 1)[1].strip() if " | " in line else ""
            w_cnt = int(parts[3], 16)
            words = [parts[4 + 2 * i].lower() for i in range(w_cnt)]
            k = 4 + 2 * w_cnt
            p_cnt = int(parts[k])
            pointers = []
            for i in range(p_cnt):
                sym, off, pos, st = parts[k + 1 + 4 * i: k + 5 + 4 * i]
                pointers.append((sym, off, POS_CODE[pos], st))
            self.data[key] = {"words": words, "pointers": pointers, "gloss": gloss}
        return self.data[key]

    def senses(self, upos, lemma):
        return self.index.get((upos, lemma), [])
