#!/usr/bin/env bash
# Retrains the shipped models (data/models/README.md): word clusters from the BBC corpus,
# WordNet's glosses and the EWT training text, then the tagger and the parser on UD English
# EWT train, then the mention tagger on Universal NER English EWT train (tagged by the new
# tagger, with its clusters and the gazetteers of build/data), each scored on dev. Needs
# build/newsgraph-train and build/data (cmake --build build), WordNet (scripts/setup.sh
# installs it) and ../shared/corpus beside the repository. The same data and seed give the
# same bytes. About 10 minutes on two cores.
#   scripts/train_models.sh [newsgraph-train options, e.g. --seed 2]
set -euo pipefail
cd "$(dirname "$0")/.."
ewt=../shared/corpus/ud-english-ewt
uner=../shared/corpus/uner-english-ewt
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The clusters are carried inside both models: the file itself is not shipped.
build/newsgraph-train clusters ../shared/corpus/bbc -o "$scratch/clusters.model" \
    --conllu "$ewt/en_ewt-ud-train.conllu" --wordnet-glosses /usr/share/wordnet
build/newsgraph-train all "$ewt/en_ewt-ud-train.conllu" -o data/models \
    --dev "$ewt/en_ewt-ud-dev.conllu" --clusters "$scratch/clusters.model" "$@"
# The mention tagger reads the new tagger's tags and clusters (--seed passes on; the
# other options are the tagger's and parser's).
seed=()
for ((i = 1; i <= $#; i++)); do
    if [ "${!i}" = --seed ]; then j=$((i + 1)); seed=(--seed "${!j}"); fi
done
build/newsgraph-train mentions "$uner/en_ewt-ud-train.iob2" --conllu "$ewt/en_ewt-ud-train.conllu" \
    -m data/models --data build/data -o data/models/mentions.model --mention-epochs 5 \
    --dev "$uner/en_ewt-ud-dev.iob2" --dev-conllu "$ewt/en_ewt-ud-dev.conllu" "${seed[@]}"
