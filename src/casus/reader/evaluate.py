"""Score the reader on hand-annotated articles, in-process (``casus eval-reader DIR``).

The figures and their rules are those of ``../shared/eval/score_reader.py``
(described in ``../shared/eval/README.md``); this module computes them without
starting a process per article, and prints the same lines:

- a predicted agreement matches a gold one when its set of parties and its event
  are equal (one-to-one, greedy, gold order first; each gold takes the first
  unused prediction that fits); **parties-only** matching ignores the event;
- a party is compared as one upper-case string: a state by its ISO3 (else its
  id, short name or name), an organisation by its short id (``NATO``), with the
  long names of the common organisations folded onto the short id;
- **defense-acc**: among exact matches, how often "has a defense provision"
  agrees; **date-acc**: among exact matches whose gold has a date, how often
  the predicted date starts with the gold date (agreement at gold's precision);
- an article the reader cannot read (an error) counts as predicting nothing.

Each gold file is read as ``casus read`` reads it: its text is written to a
file and loaded with ``casus.reader.inputs.load_articles`` with the gold's
publication date, so bad input fails here exactly as it fails there.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casus.errors import InvalidArgumentError

ORGANISATION_IDS = {
    "NORTH ATLANTIC TREATY ORGANIZATION": "NATO",
    "NORTH ATLANTIC TREATY": "NATO",
    "COLLECTIVE SECURITY TREATY ORGANIZATION": "CSTO",
    "EUROPEAN UNION": "EU",
    "ALLIANCE OF SAHEL STATES": "AES",
    "CONFEDERATION OF SAHEL STATES": "AES",
    "AFRICAN UNION": "AU",
    "ARAB LEAGUE": "LAS",
    "LEAGUE OF ARAB STATES": "LAS",
}
"""Long names folded onto an organisation's short id (as the shared scorer does)."""
PARTY_FIELDS = ("iso3", "id", "short", "name")

Agreements = list[dict[str, Any]]
Predictor = Callable[[dict[str, Any]], Agreements]


def party_key(party: Any) -> str | None:
    """One comparable string per party: ISO3 for a state, the short id for an organisation."""
    if isinstance(party, dict):
        value = next((party[f] for f in PARTY_FIELDS if party.get(f)), None)
        return party_key(value) if value is not None else None
    if not isinstance(party, str):
        return None
    text = party.strip().upper()
    if not text:
        return None
    return ORGANISATION_IDS.get(text, text)


def agreement_key(agreement: dict[str, Any]) -> tuple[frozenset[str], str]:
    keys = (party_key(p) for p in agreement.get("parties") or [])
    return frozenset(k for k in keys if k), str(agreement.get("event") or "").lower()


def pair_up(gold: Agreements, predicted: Agreements, *, same_event: bool) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching: same parties (and, if ``same_event``, the same event)."""
    taken: set[int] = set()
    pairs = []
    predicted_keys = [agreement_key(p) for p in predicted]
    for g in gold:
        parties, event = agreement_key(g)
        for index, (their_parties, their_event) in enumerate(predicted_keys):
            if index not in taken and their_parties == parties and (not same_event or their_event == event):
                taken.add(index)
                pairs.append((g, predicted[index]))
                break
    return pairs


def precision_recall_f1(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = hits / predicted if predicted else (0.0 if gold else 1.0)
    recall = hits / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def has_defense(agreement: dict[str, Any]) -> bool:
    return "defense" in (agreement.get("provisions") or [])


def same_date(gold: str | None, predicted: Any) -> bool:
    return bool(gold) and bool(predicted) and str(predicted)[: len(gold)] == gold


@dataclass
class ArticleScore:
    id: str
    gold: int
    predicted: int
    exact: int
    parties_only: int
    defense_agree: int
    dated: int
    date_agree: int
    error: str | None = None

    def line(self) -> str:
        return (f"{self.id}: gold {self.gold} predicted {self.predicted} exact {self.exact} "
                f"parties-only {self.parties_only}")


def score_article(article_id: str, gold: Agreements, predicted: Agreements, error: str | None = None) -> ArticleScore:
    exact = pair_up(gold, predicted, same_event=True)
    relaxed = pair_up(gold, predicted, same_event=False)
    dated = [(g, p) for g, p in exact if g.get("event_date")]
    return ArticleScore(
        id=article_id,
        gold=len(gold),
        predicted=len(predicted),
        exact=len(exact),
        parties_only=len(relaxed),
        defense_agree=sum(has_defense(g) == has_defense(p) for g, p in exact),
        dated=len(dated),
        date_agree=sum(same_date(g["event_date"], p.get("event_date")) for g, p in dated),
        error=error,
    )


@dataclass
class Evaluation:
    articles: list[ArticleScore] = field(default_factory=list)

    def _total(self, name: str) -> int:
        return sum(getattr(a, name) for a in self.articles)

    def figures(self) -> dict[str, Any]:
        exact, predicted, gold = self._total("exact"), self._total("predicted"), self._total("gold")
        precision, recall, f1 = precision_recall_f1(exact, predicted, gold)
        _, _, relaxed_f1 = precision_recall_f1(self._total("parties_only"), predicted, gold)
        dated = self._total("dated")
        return {
            "f1": f1,
            "precision": precision,
            "recall": recall,
            "parties_only_f1": relaxed_f1,
            "defense_acc": self._total("defense_agree") / exact if exact else 0.0,
            "date_acc": self._total("date_agree") / dated if dated else 0.0,
            "gold": gold,
            "predicted": predicted,
            "errors": sum(1 for a in self.articles if a.error),
        }

    def summary_line(self) -> str:
        f = self.figures()
        return (f"agreements F1={f['f1']:.3f} P={f['precision']:.3f} R={f['recall']:.3f} "
                f"parties-only-F1={f['parties_only_f1']:.3f} defense-acc={f['defense_acc']:.3f} "
                f"date-acc={f['date_acc']:.3f} gold={f['gold']} predicted={f['predicted']} errors={f['errors']}")

    def lines(self) -> list[str]:
        return [a.line() for a in self.articles] + [self.summary_line()]

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": [
                {"id": a.id, "gold": a.gold, "predicted": a.predicted, "exact": a.exact,
                 "parties_only": a.parties_only, "error": a.error}
                for a in self.articles
            ],
            "summary": {k: round(v, 3) if isinstance(v, float) else v for k, v in self.figures().items()},
        }


def gold_files(directory: str | Path) -> list[Path]:
    folder = Path(directory)
    if not folder.is_dir():
        raise InvalidArgumentError(f"{folder}: not a folder of gold files")
    files = sorted(folder.glob("*.json"))
    if not files:
        raise InvalidArgumentError(f"{folder}: no gold files (*.json) in it")
    return files


def load_gold(path: Path) -> dict[str, Any]:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        record["gold"]["agreements"]
        record["text"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InvalidArgumentError(f"{path}: not a gold file ({type(exc).__name__}: {exc})") from None
    return record


def read_with_reader(record: dict[str, Any]) -> Agreements:
    """The agreements the reader finds in a gold record's text, read as ``casus read`` reads a file."""
    from casus.reader.extract import read_article
    from casus.reader.inputs import load_articles

    published = record.get("published") or None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(record["text"], encoding="utf-8")
        (article,) = load_articles(str(path), published=published)
    return read_article(article).to_json().get("agreements") or []


def evaluate(
    directory: str | Path,
    predict: Predictor | None = None,
    on_error: Callable[[str], None] | None = None,
) -> Evaluation:
    """Score ``predict`` (default: the reader) on every gold file in ``directory``."""
    predict = predict or read_with_reader
    result = Evaluation()
    for path in gold_files(directory):
        record = load_gold(path)
        error = None
        try:
            predicted = predict(record)
        except Exception as exc:  # noqa: BLE001 - a crash counts as predicting nothing, as in the shared scorer
            error = f"{record.get('id', path.stem)}: {type(exc).__name__}: {exc}"
            if on_error:
                on_error(error)
            predicted = []
        result.articles.append(score_article(str(record.get("id", path.stem)), record["gold"]["agreements"],
                                             predicted, error))
    return result


def score(items: Iterable[tuple[str, Agreements, Agreements]]) -> Evaluation:
    """Score ready-made predictions: ``(article id, gold agreements, predicted agreements)``."""
    return Evaluation([score_article(i, g, p) for i, g, p in items])
