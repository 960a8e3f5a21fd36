"""Auditing what align and check output: samples to label by reading, and scores of the labels.

``sample.py`` draws stratified random samples of flagged pairs, links and
unflagged same-story pairs into a labelling file; ``references.py`` keeps a
label pointing at its sentences (URL or article id, offsets, a hash of the
sentence) rather than at a copy of the text; ``score.py`` gives precision
per type with Wilson intervals and recall on the labelled real conflicts.
"""
