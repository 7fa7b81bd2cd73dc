"""Project document extractions straight from the log's JSON payloads, a chunk of documents at a time.

Decoding every payload into Python objects and building frames from row dicts took most of a
build's time and memory (2.7 GB for 10k documents). Here polars decodes the JSON with a fixed
schema and the frames are built column-wise; only the clean texts (for task text) pass through
Python. Every column comes from the record declarations (``policykit.extract.RECORD_TYPES``).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable

import polars as pl

from ..extract import column_types
from ..log import DocumentExtracted
from ._schema import RECORD_FRAMES, SCHEMAS, SHAPES

_S, _I = pl.String, pl.Int64
# How each column type is decoded from the JSON payload: decimals as strings (cast at the end), integers
# wide (cast later).
_DECODED = {"string": _S, "int": _I, "offset": _I, "decimal": _S, "bool": pl.Boolean, "strings": pl.List(_S),
            "spans": pl.List(pl.List(_I))}
_META = tuple(SHAPES["documents"].fields())


def _decoded(record_type: type) -> pl.Struct:
    return pl.Struct({name: _DECODED[kind] for name, kind in column_types(record_type).items()})


# The stored DocumentExtracted payload, every record field typed by its declaration; fields and
# collections an older extractor did not write decode as null.
PAYLOAD = pl.Struct({
    "document_id": _S, "source_path": _S, "source_sha256": _S, "part": _I, "extractor_version": _S,
    "text_sha256": _S, "metadata": _decoded(SHAPES["documents"].record),
    "warnings": pl.List(pl.Struct({"code": _S, "message": _S, "offset": _I})),
    **{name: pl.List(_decoded(SHAPES[name].record)) for name in RECORD_FRAMES},
})
STRING_SCHEMAS = {name: {k: (pl.String if isinstance(v, pl.Decimal) else v) for k, v in schema.items()}
                  for name, schema in SCHEMAS.items()}


def _records(decoded: pl.DataFrame, column: str) -> pl.DataFrame:
    return (decoded.select("doc_pos", pl.col("document_id").alias("doc_id"), column).explode(column)
            .filter(pl.col(column).is_not_null()).unnest(column))


def _with_task_id(records: pl.DataFrame, task_keys: pl.DataFrame) -> pl.DataFrame:
    """``task_id`` of each record's task (null when its task_key names no task of the document)."""
    return records.join(task_keys, on=["doc_id", "task_key"], how="left", maintain_order="left")


def decode_payloads(seqs: list[int], payloads: list[bytes]) -> pl.DataFrame:
    """The ``DocumentExtracted`` payloads (UTF-8 JSON) of the events ``seqs`` as columns, ``seq`` first. Decoding the JSON is most of a build and runs on one thread per
    expression, so the chunk is cut in one slice per core and the slices decoded in parallel."""
    # Bytes go into polars at a fifth of the cost of Python strings; the cast checks they are UTF-8.
    payload = pl.Series(payloads, dtype=pl.Binary).cast(pl.String)
    frame = pl.DataFrame({"seq": pl.Series(seqs, dtype=pl.Int64), "payload": payload})
    size = -(-frame.height // (os.cpu_count() or 1)) or 1
    slices = [frame.slice(at, size).lazy().with_columns(pl.col("payload").str.json_decode(PAYLOAD))
              for at in range(0, max(frame.height, 1), size)]
    return pl.concat(slices, parallel=True).collect().unnest("payload")


def project_chunk(decoded: pl.DataFrame, text_bytes_of: Callable[[list[str]], list[bytes]], encodings: dict[str, str],
                  as_of_date: str | None, *, headers: bool = True) -> tuple[dict[str, pl.DataFrame],
                                                                            list[tuple[int, DocumentExtracted]]]:
    """Frames (documents and the record frames; strings for decimals) of a chunk of ``DocumentExtracted``
    payloads (:func:`decode_payloads`), and, with ``headers``, each document's seq and header (the event
    without its records; a build needs none); ``text_bytes_of`` gives the clean texts (UTF-8) of a list of text
    hashes."""
    decoded = decoded.with_row_index("doc_pos")
    if as_of_date is not None:
        issued = pl.col("metadata").struct.field("issued_on")
        decoded = decoded.filter(issued.is_not_null() & (issued <= as_of_date))
    read = [] if not headers else [(row["seq"], DocumentExtracted(
        document_id=row["document_id"], source_path=row["source_path"], source_sha256=row["source_sha256"],
        part=row["part"], extractor_version=row["extractor_version"], text_sha256=row["text_sha256"],
        metadata=row["metadata"] or {}, warnings=tuple(row["warnings"] or ()), **dict.fromkeys(RECORD_FRAMES, ())))
        for row in decoded.drop(*RECORD_FRAMES).iter_rows(named=True)]
    warning = pl.concat_str(pl.element().struct.field("code").fill_null("None"), pl.lit(": "),
                            pl.element().struct.field("message").fill_null("None"))
    documents = decoded.select(
        pl.col("document_id").alias("doc_id"), "source_path", "part",
        *[pl.col("metadata").struct.field(k) for k in _META],
        pl.col("tasks").list.len().alias("n_tasks"),
        # Only this chunk's sources: polars turns the whole mapping into a series on every call.
        pl.col("source_sha256").replace_strict({sha: encodings.get(sha) for sha in decoded["source_sha256"]},
                                               default=None, return_dtype=pl.String).alias("encoding"),
        "extractor_version", pl.col("warnings").fill_null([]).list.eval(warning).alias("warnings"),
        pl.col("warnings").fill_null([]).list.len().alias("n_warnings"), "seq")

    # Each task's text is cut from its document's clean text by polars (offsets count characters, as
    # in Python): the texts never become Python strings.
    clean = pl.Series(text_bytes_of(decoded["text_sha256"].to_list()), dtype=pl.Binary).cast(pl.String)
    tasks = _records(decoded, "tasks").join(pl.DataFrame({"doc_pos": decoded["doc_pos"], "clean": clean}),
                                            on="doc_pos", how="left", maintain_order="left")
    tasks = tasks.with_columns(task_id=pl.concat_str("doc_id", pl.lit("/"), "key"),
                               text=pl.col("clean").str.slice(pl.col("start"), pl.col("end") - pl.col("start")))
    task_keys = tasks.select("doc_id", pl.col("key").alias("task_key"), "task_id").unique(
        ["doc_id", "task_key"], keep="first")

    assignments = _with_task_id(_records(decoded, "assignments"), task_keys)
    base = pl.concat_str(pl.coalesce("task_id", "doc_id"), pl.lit("#"), pl.col("clause").cast(pl.String),
                         pl.lit(":"), pl.col("mention").fill_null("None"))
    assignments = assignments.with_columns(base=base)
    assignments = assignments.with_columns(occurrence=occurrences(assignments, ["doc_pos", "base"])).with_columns(
        assignment_id=pl.when(pl.col("occurrence") == 1).then("base").otherwise(
            pl.concat_str("base", pl.lit("~"), pl.col("occurrence").cast(pl.String))),
        unit_id=pl.lit(None, pl.String), curated=pl.lit(False))
    frames = {"documents": documents, "tasks": tasks, "assignments": assignments}
    for name in RECORD_FRAMES:  # the others: id from the record's key, curated (where it is a column) false
        if name not in frames:
            frames[name] = _with_task_id(_records(decoded, name), task_keys).with_columns(
                pl.concat_str("doc_id", pl.lit("/"), "key").alias(SHAPES[name].id_column), curated=pl.lit(False))
    return {name: conform(frame, name) for name, frame in frames.items()}, read


def occurrences(frame: pl.DataFrame, keys: list[str]) -> pl.Series:
    """For each row, how many rows up to it share its ``keys``: 1 for the first, 2 for the second …

    A window over every key cost most of a chunk's projection; repeated keys are few, so only they are
    numbered.

    Examples
    --------
    >>> occurrences(pl.DataFrame({"k": ["a", "b", "a", "a"]}), ["k"]).to_list()
    [1, 1, 2, 3]
    """
    repeated = frame.select(keys).with_row_index("_i").filter(pl.struct(keys).is_duplicated())
    numbered = repeated.select("_i", pl.int_range(1, pl.len() + 1, dtype=pl.Int64).over(keys).alias("n"))
    return pl.repeat(1, frame.height, dtype=pl.Int64, eager=True).scatter(numbered["_i"], numbered["n"])


def conform(frame: pl.DataFrame, name: str) -> pl.DataFrame:
    """The frame's contract columns, in order, decimals still as strings."""
    schema = STRING_SCHEMAS[name]
    present = [pl.col(c).cast(t) if c in frame.columns else pl.lit(None, t).alias(c) for c, t in schema.items()]
    return frame.select(present)


def concat_chunks(chunks: Iterable[pl.DataFrame], name: str) -> pl.DataFrame:
    frames = list(chunks)
    return pl.concat(frames, rechunk=True) if frames else pl.DataFrame(schema=STRING_SCHEMAS[name])
