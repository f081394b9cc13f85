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

Beyond the scorer's figures, every article gets an **error breakdown** (``Errors``):
after the exact matches, a left-over prediction with the gold's parties is a *wrong
event*; one sharing some parties is paired with the gold it overlaps most and counts
its *false parties* and *missed parties* (one per party); a gold left over is a
*missed agreement*, a prediction left over a *spurious agreement*; among exact matches
a date that disagrees is a *wrong date*, a defence provision that disagrees *wrong
provisions*. ``--folds N`` splits the sorted gold files round-robin (file *i* in fold
``i % N + 1``) and reports the figures per fold, so a fold can be kept out of tuning.

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


ERROR_KINDS = ("false_parties", "missed_parties", "wrong_event", "missed_agreement", "spurious_agreement",
               "wrong_date", "wrong_provisions")


def breakdown(gold: Agreements, predicted: Agreements) -> dict[str, int]:
    """What went wrong in one article, by kind of error (see the module's docstring)."""
    counts = dict.fromkeys(ERROR_KINDS, 0)
    exact = pair_up(gold, predicted, same_event=True)
    for g, p in exact:
        if g.get("event_date") and not same_date(g["event_date"], p.get("event_date")):
            counts["wrong_date"] += 1
        if has_defense(g) != has_defense(p):
            counts["wrong_provisions"] += 1
    left_gold = [g for g in gold if not any(g is a for a, _ in exact)]
    left_pred = [p for p in predicted if not any(p is b for _, b in exact)]
    for g, p in pair_up(left_gold, left_pred, same_event=False):
        counts["wrong_event"] += 1
        left_gold.remove(g)
        left_pred.remove(p)
    for g in list(left_gold):
        parties = agreement_key(g)[0]
        scored = [(len(parties & agreement_key(p)[0]) / len(parties | agreement_key(p)[0]), i)
                  for i, p in enumerate(left_pred) if parties & agreement_key(p)[0]]
        if not scored:
            continue
        _, index = max(scored, key=lambda x: (x[0], -x[1]))
        theirs = agreement_key(left_pred.pop(index))[0]
        left_gold.remove(g)
        counts["false_parties"] += len(theirs - parties)
        counts["missed_parties"] += len(parties - theirs)
    counts["missed_agreement"] += len(left_gold)
    counts["spurious_agreement"] += len(left_pred)
    return counts


def fold_of(index: int, folds: int) -> int:
    """The fold (1..folds) of the gold file at ``index`` in sorted order: round-robin."""
    return index % folds + 1


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
    errors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ERROR_KINDS, 0))
    fold: int | None = None

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
        errors=breakdown(gold, predicted),
    )


@dataclass
class Evaluation:
    articles: list[ArticleScore] = field(default_factory=list)
    restyle: str | None = None  # the house style the articles were read in, if not their own

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
        """The shared scorer's lines: one per article, then the summary."""
        return [a.line() for a in self.articles] + [self.summary_line()]

    def error_totals(self) -> dict[str, int]:
        return {k: sum(a.errors[k] for a in self.articles) for k in ERROR_KINDS}

    def breakdown_lines(self) -> list[str]:
        """The error breakdown: each article with any error, then the total."""
        def fmt(counts):
            return " ".join(f"{k.replace('_', '-')}={v}" for k, v in counts.items())
        out = ["errors by kind:"]
        out += [f"  {a.id}: {fmt(a.errors)}" for a in self.articles if any(a.errors.values())]
        out.append(f"  total: {fmt(self.error_totals())}")
        return out

    def folds(self) -> dict[int, Evaluation]:
        out: dict[int, Evaluation] = {}
        for a in self.articles:
            if a.fold is not None:
                out.setdefault(a.fold, Evaluation()).articles.append(a)
        return dict(sorted(out.items()))

    def fold_lines(self) -> list[str]:
        return [f"fold {k} ({len(e.articles)} articles): {e.summary_line()}" for k, e in self.folds().items()]

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": [
                {"id": a.id, "gold": a.gold, "predicted": a.predicted, "exact": a.exact,
                 "parties_only": a.parties_only, "error": a.error, "errors_by_kind": a.errors,
                 **({"fold": a.fold} if a.fold is not None else {})}
                for a in self.articles
            ],
            "summary": _rounded(self.figures()),
            "errors_by_kind": self.error_totals(),
            **({"folds": {str(k): _rounded(e.figures()) for k, e in self.folds().items()}}
               if self.folds() else {}),
            **({"restyle": self.restyle} if self.restyle else {}),
        }


def _rounded(figures: dict[str, Any]) -> dict[str, Any]:
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in figures.items()}


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


def _as_article(record: dict[str, Any]):
    """A gold record's text loaded as ``casus read`` loads a file (same checks, same offsets)."""
    from casus.reader.inputs import load_articles

    published = record.get("published") or None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(record["text"], encoding="utf-8")
        (article,) = load_articles(str(path), published=published)
    return article


def read_with_reader(record: dict[str, Any]) -> Agreements:
    """The agreements the reader finds in a gold record's text, read as ``casus read`` reads a file."""
    from casus.reader.extract import read_article

    return read_article(_as_article(record), first_pass=True).to_json().get("agreements") or []


def _read_batch(records: list[dict[str, Any]]) -> list[Agreements | Exception]:
    """The reader over many records at once (one ``nlp.pipe``); a bad record is its own error."""
    from casus.reader.extract import read_many

    articles, out = [], []
    for record in records:
        try:
            articles.append(_as_article(record))
            out.append(None)
        except Exception as exc:  # noqa: BLE001 - reported per article below
            out.append(exc)
    readings = iter(read_many(articles, first_pass=True))  # as `casus read` reads
    return [x if x is not None else (next(readings).to_json().get("agreements") or []) for x in out]


def evaluate(
    directory: str | Path,
    predict: Predictor | None = None,
    on_error: Callable[[str], None] | None = None,
    folds: int | None = None,
    only_fold: int | None = None,
    skip_fold: int | None = None,
    restyle: str | None = None,
) -> Evaluation:
    """Score ``predict`` (default: the reader, batched) on every gold file in ``directory``.

    With ``folds``, each article carries its fold (see ``fold_of``); ``only_fold`` scores
    that fold alone, ``skip_fold`` every fold but that one (to tune without the held-out).
    ``restyle`` reads each article in another house style first (``casus.reader.restyle``).
    """
    from casus.reader.restyle import restyler

    style = restyler(restyle)
    if (only_fold or skip_fold) and not folds:
        raise InvalidArgumentError("a fold to score or to skip needs a number of folds")
    for value in (only_fold, skip_fold):
        if value is not None and not 1 <= value <= (folds or 0):
            raise InvalidArgumentError(f"fold {value}: folds are numbered 1 to {folds}")
    if folds is not None and folds < 2:
        raise InvalidArgumentError("the number of folds must be 2 or more")
    chosen = []
    for index, path in enumerate(gold_files(directory)):
        fold = fold_of(index, folds) if folds else None
        if (only_fold and fold != only_fold) or (skip_fold and fold == skip_fold):
            continue
        chosen.append((path, fold))
    records = [load_gold(path) for path, _ in chosen]
    if style is not None:
        records = [{**record, "text": style(record["text"])} for record in records]
    if predict is None and read_with_reader is _READ_WITH_READER:
        outcomes = _read_batch(records)
    else:
        outcomes = []
        for record in records:
            try:
                outcomes.append((predict or read_with_reader)(record))
            except Exception as exc:  # noqa: BLE001 - a crash counts as predicting nothing, as in the scorer
                outcomes.append(exc)
    result = Evaluation(restyle=restyle)
    for (path, fold), record, outcome in zip(chosen, records, outcomes):
        error = None
        if isinstance(outcome, Exception):
            error = f"{record.get('id', path.stem)}: {type(outcome).__name__}: {outcome}"
            if on_error:
                on_error(error)
            outcome = []
        score = score_article(str(record.get("id", path.stem)), record["gold"]["agreements"], outcome, error)
        score.fold = fold
        result.articles.append(score)
    return result


_READ_WITH_READER = read_with_reader


def score(items: Iterable[tuple[str, Agreements, Agreements]]) -> Evaluation:
    """Score ready-made predictions: ``(article id, gold agreements, predicted agreements)``."""
    return Evaluation([score_article(i, g, p) for i, g, p in items])
