"""Sentence encoders and vector indexes. Knows nothing of the service."""
