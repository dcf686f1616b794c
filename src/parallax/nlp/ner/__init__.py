"""The Portuguese name tagger: a CRF learned from First HAREM (see docs/ner-model.md)."""
