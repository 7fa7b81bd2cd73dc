"""Projections: the log folded (one function per event type) and streamed into the polars frames of the contract.

:func:`stream_log` is the one projection path (build, ``pk.open`` and as-of queries); :data:`SCHEMAS`
and :data:`SHAPES` say which columns each frame has, derived from the record declarations.
"""
from ._curate import ORPHANS_SCHEMA, decide
from ._replay import LogState, apply, fold, replay
from ._schema import DECIMAL, ID_COLUMNS, RECORD_FRAMES, SCHEMAS, SHAPES, FrameShape
from ._stream import StreamedFrames, stream_log

__all__ = ["DECIMAL", "FrameShape", "ID_COLUMNS", "LogState", "ORPHANS_SCHEMA", "RECORD_FRAMES", "SCHEMAS", "SHAPES",
           "StreamedFrames", "apply", "decide", "fold", "replay", "stream_log"]
