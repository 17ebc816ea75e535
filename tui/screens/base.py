"""What every factdiff screen shares: the store's queries, and worker errors reported in one place."""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.worker import Worker, WorkerState

from store.queries import Queries

from ..widgets.footer import drop_closed_watchers

if TYPE_CHECKING:
    from ..app import FactdiffApp


class FactdiffScreen(Screen):
    app: "FactdiffApp"

    @property
    def queries(self) -> Queries:
        return self.app.queries

    def on_screen_resume(self) -> None:
        drop_closed_watchers(self.app)     # the Headers of screens closed since

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.app.report_error(event.worker.error)
