"""Projections: pure functions from events to the polars frames of the contract."""
from ._project import Frames, project_frames, project_log
from ._replay import LogState, apply, replay
from ._schema import SCHEMAS
from ._stream import StreamedFrames, stream_log

__all__ = ["Frames", "LogState", "SCHEMAS", "StreamedFrames", "apply", "project_frames", "project_log", "replay",
           "stream_log"]
