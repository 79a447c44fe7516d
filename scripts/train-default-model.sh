#!/usr/bin/env bash
# Rebuild the relation scorer shipped in kg/models/relation_scorer from the real dev corpus
# (../shared/corpus/dev, read-only, never copied here) and our sample articles (data/articles).
# Reproducible: the same gold files, spaCy model and seed give the same weights.
# Prints the 5-fold out-of-fold scores on the dev set (our samples are trained on in every fold, never scored).
set -euo pipefail
cd "$(dirname "$0")/.."
kg=${KG:-.venv/bin/kg}
shared=${SHARED:-../shared}
"$kg" train "$shared/corpus/dev" --extra data/articles --folds 5 --seed 0 -o kg/models/relation_scorer
