"""Exit codes of the ``vbparse`` command (after httpie's ``ExitStatus``)."""

from enum import IntEnum


class ExitStatus(IntEnum):
    SUCCESS = 0  # every file parsed (eval: every threshold met)
    SOME_FAILED = 1  # some files failed (eval: a threshold not met)
    USAGE = 2  # bad arguments, missing path
    CTRL_C = 130
    TERMINATED = 143  # SIGTERM (128 + 15), as a shell reports it
