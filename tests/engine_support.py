"""Helpers shared by the engine's tests."""

from __future__ import annotations

import pytest

from tui.engine import corpus_features
from tui.engine.models import Article


def count_feature_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """File names of the articles whose sentence features the matcher computes from
    now on (rather than reading them from a cache), in the order it computes them."""
    computed: list[str] = []
    original = corpus_features.article_features

    def counting(article: Article, *rest):
        computed.append(article.path.name)
        return original(article, *rest)

    monkeypatch.setattr(corpus_features, "article_features", counting)
    return computed
