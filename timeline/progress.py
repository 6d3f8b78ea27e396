"""Progress of a long command-line run: a bar redrawn in place on a terminal, plain lines
in a log (when asked for, or when the run is long)."""

from __future__ import annotations

import shutil
import time

LONG_RUN = 25  # more articles than this: a log gets progress lines without being asked
BAR = 24


class Progress:
    def __init__(self, stream, *, interactive: bool, always: bool = False) -> None:
        self.stream = stream
        self.interactive = interactive
        self.always = always
        self.started = time.monotonic()
        self.drawn = False

    def __call__(self, index: int, total: int, name: str) -> None:
        if self.interactive:
            self.draw(index, total, name)
        elif self.always or total > LONG_RUN:
            self.stream.write(f"[{index}/{total}] {name}")

    def draw(self, index: int, total: int, name: str) -> None:
        done = index - 1  # the article named is the one being read
        filled = BAR * done // total if total else BAR
        elapsed = time.monotonic() - self.started
        head = f"[{'#' * filled}{'-' * (BAR - filled)}] {index}/{total} {elapsed:.0f}s "
        room = max(shutil.get_terminal_size((80, 24)).columns - len(head) - 1, 10)
        shown = name if len(name) <= room else "…" + name[-(room - 1) :]
        self.stream.write(f"\r\033[K{head}{shown}", ending="")
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        """Take the bar off the terminal before the summary is written."""
        if self.drawn:
            self.stream.write("\r\033[K", ending="")
            self.stream.flush()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started
