"""Alembic migrations of the store schema (applied by ``factalign db upgrade``)."""
