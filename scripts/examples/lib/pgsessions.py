"""Concurrent PostgreSQL sessions for the examples' drivers: each Session runs its statements on
its own connection in a thread, so a test can interleave two transactions step by step and see
which statement blocks, which fails and with what SQLSTATE."""

import os
import queue
import threading

import psycopg


class Session:
    def __init__(self, name, dsn=None, **connect_args):
        self.name = name
        self.conn = psycopg.connect(dsn or os.environ["EXAMPLES_DSN"], autocommit=True,
                                    **connect_args)
        self.jobs = queue.Queue()
        self.done = queue.Queue()
        self.errors = []          # (sql, sqlstate) of every statement that failed
        self.pending = 0
        threading.Thread(target=self._loop, daemon=True).start()

    def _loop(self):
        while True:
            sql = self.jobs.get()
            if sql is None:
                return
            try:
                rows = self.conn.execute(sql)
                self.done.put((sql, None, rows.fetchall() if rows.description else None))
            except psycopg.Error as e:
                self.errors.append((sql, e.sqlstate))
                self.done.put((sql, e.sqlstate, None))

    def send(self, sql, wait=0.5):
        """Sends one statement; returns (sqlstate or None, rows) if it finished within `wait`
        seconds, or "blocked" if it is still waiting (its result is collected by a later call)."""
        self.jobs.put(sql)
        self.pending += 1
        try:
            sql_, state, rows = self.done.get(timeout=wait)
            self.pending -= 1
            return state, rows
        except queue.Empty:
            return "blocked"

    def drain(self, timeout=10):
        """Waits for every statement still running; returns their results."""
        out = []
        while self.pending:
            out.append(self.done.get(timeout=timeout))
            self.pending -= 1
        return out

    def close(self):
        self.jobs.put(None)
        self.conn.close()
