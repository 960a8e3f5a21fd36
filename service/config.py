"""Settings, read from the environment once at the edge and validated.

The CLI builds one ``Settings`` (its flags win over the environment) and
passes it down; nothing below the edge reads ``os.environ``.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from service.errors import ConfigError

DEFAULT_MODEL = "use-multilingual-v3"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FACTALIGN_", extra="ignore", frozen=True)

    home: Path = Field(default=Path("./factalign-data"), description="data directory")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; default a SQLite file in home")
    model: str = Field(default=DEFAULT_MODEL, description="encoder name or local path")
    nli_model: str | None = None
    api_keys: str = ""
    threads: int = Field(default=2, ge=1, le=256)
    batch_size: int = Field(default=512, ge=1, le=100_000)
    # align --engine ray: a Ray cluster ("auto", "ray://host:10001"); unset starts a local Ray.
    ray_address: str | None = Field(default=None, pattern=r"^(auto|ray://\S+|\S+:\d+)$")
    max_sentence_chars: int = Field(default=400, ge=50, le=10_000)
    max_article_bytes: int = Field(default=5_000_000, ge=1_000)
    # Relevance of a stored sentence to a claim, calibrated on the dev set
    # and on unrelated-pair cosines from SaudiNewsNet (see README).
    relevance_threshold: float = Field(default=0.20, ge=-1.0, le=1.0)
    confident_threshold: float = Field(default=0.40, ge=-1.0, le=1.0)
    # A job lock whose holder has not checkpointed for this long is taken over
    # (a holder on this host whose process is gone is taken over at once).
    job_lock_stale_seconds: float = Field(default=3600, gt=0)
    # REST API limits and access (see README "REST API").
    max_claim_chars: int = Field(default=2_000, ge=10, le=100_000)
    max_request_bytes: int = Field(default=10_000_000, ge=1_000)
    max_batch_articles: int = Field(default=1_000, ge=1, le=1_000_000)
    open_reads: bool = Field(default=False, description="let reads through without an API key")
    # Vector index (see README "Index at scale"): exact flat search below
    # index_exact_below vectors, the approximate kind from there on; the
    # defaults are the ones measured in benchmarks/ann.py. nlist unset: ~4*sqrt(n).
    index_kind: str = Field(default="auto", pattern="^(auto|flat|hnsw|ivf)$")
    index_exact_below: int = Field(default=100_000, ge=0)
    index_approximate: str = Field(default="ivf", pattern="^(hnsw|ivf)$")
    index_hnsw_m: int = Field(default=32, ge=4, le=128)
    index_hnsw_ef_construction: int = Field(default=80, ge=8, le=4_096)
    index_hnsw_ef_search: int = Field(default=384, ge=1, le=65_536)
    index_ivf_nlist: int | None = Field(default=None, ge=1, le=1_000_000)
    index_ivf_nprobe: int = Field(default=192, ge=1, le=1_000_000)
    # align's own neighbour search (its pair stage): a store's sentences find
    # their close neighbours in fewer lists than a claim finds its top 10;
    # measured with benchmarks/pair_recall.py (README, "Index at scale").
    index_ivf_pair_nprobe: int = Field(default=64, ge=1, le=1_000_000)
    index_ivf_quantizer: str = Field(default="sq8", pattern="^(flat|sq8|pq|pq4fs)$")
    index_ivf_pq_m: int = Field(default=64, ge=1, le=1_024)
    index_ivf_retrain_growth: float = Field(default=2.0, gt=1.0, le=100.0)

    @field_validator("database_url")
    @classmethod
    def _known_scheme(cls, value: str | None) -> str | None:
        if value and not value.startswith(("sqlite", "postgresql")):
            raise ValueError("use a sqlite:/// or postgresql+psycopg:// URL")
        return value

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.home / 'factalign.sqlite3').resolve()}"

    @property
    def index_path(self) -> Path:
        return self.home / "index" / "sentences.faiss"

    @property
    def api_key_list(self) -> list[str]:
        return [key.strip() for key in self.api_keys.split(",") if key.strip()]


def load_settings(**overrides) -> Settings:
    """Environment + explicit overrides (None means 'not given'), validated once."""
    given = {key: value for key, value in overrides.items() if value is not None}
    try:
        return Settings(**given)
    except ValidationError as exc:
        problems = "; ".join(
            f"FACTALIGN_{'_'.join(map(str, err['loc'])).upper()}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"invalid settings: {problems}") from None
