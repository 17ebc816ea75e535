"""One article's analysis: furniture, title, sentences, entity mentions and claims, all as spans over its text."""
from __future__ import annotations

from .claims import build_claims
from .entities import acronym_pairs, extract_mentions
from .model import Analysis, Article
from .text import clean, sentences


def analyze_article(article: Article) -> tuple[Analysis, list[tuple[str, str]]]:
    """Analyse one article; also return the (name, acronym) pairs its text states."""
    text = article.text
    cleaned = clean(text, titled=bool(article.title))
    sents = sentences(text, cleaned.furniture, cleaned.title)
    # credits ("with the Korea JoongAng Daily") name organisations too, though they are not claims
    credit_spans = [(f.start, f.end, False) for f in cleaned.furniture if f.kind == "credit"]
    mention_spans = sorted([(s.start, s.end, s.is_heading) for s in sents] + credit_spans)
    mentions = extract_mentions(text, mention_spans)
    claims = build_claims(text, sents, mentions)
    title = article.title
    if not title and cleaned.title:
        title = text[cleaned.title[0]:cleaned.title[1]]
    analysis = Analysis(
        text=text,
        title=title,
        author=article.author or cleaned.author,
        published=article.published or cleaned.published,
        furniture=cleaned.furniture,
        claims=tuple(claims),
        mentions=tuple(mentions),
    )
    return analysis, acronym_pairs(text, mentions)

