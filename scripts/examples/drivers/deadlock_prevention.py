"""deadlock-prevention#0: plays the block's two columns as two sessions, statement by statement
(the left column is T1, the indented right column is T2), and expects PostgreSQL to abort one of
them with 40P01; then shows that taking the block's "Fix" lock first, in id order, in both
transfers makes them queue instead of deadlocking."""

import re
import sys

from pgsessions import Session

block = open(sys.argv[1]).read()
story, fix = block.split("-- Fix", 1)
steps = []
for line in story.splitlines()[1:]:
    if not line.strip():
        continue
    who = "t2" if line.startswith(" ") else "t1"
    steps.append((who, re.sub(r"\s*--.*$", "", line.strip())))
assert [w for w, _ in steps] == ["t1", "t2", "t1", "t2"], steps
lock = next(line for line in fix.splitlines() if "FOR UPDATE" in line)

t1, t2 = Session("t1"), Session("t2")
for s in (t1, t2):
    s.send("BEGIN")
results = [(who, sql, (t1 if who == "t1" else t2).send(sql, wait=1.0)) for who, sql in steps]
t1.drain(); t2.drain()
states = [state for _, state in t1.errors + t2.errors]
assert states == ["40P01"], f"expected one deadlock victim, got {states} ({results})"
for s in (t1, t2):
    s.send("ROLLBACK")
    s.errors.clear()

# The fix: each transfer locks both rows in id order first, then updates in its own order.
t1.send("BEGIN"); t2.send("BEGIN")
assert t1.send(lock)[0] is None
assert t2.send(lock) == "blocked"          # T2 queues behind T1 instead of taking row 42
for sql in [steps[0][1], steps[2][1], "COMMIT"]:
    assert t1.send(sql)[0] is None, sql
for sql in [steps[1][1], steps[3][1], "COMMIT"]:
    t2.send(sql, wait=2.0)
t2.drain()
assert not t1.errors and not t2.errors, (t1.errors, t2.errors)
rows = t1.send("SELECT id, bal FROM accounts ORDER BY id")[1]
assert [(i, int(b)) for i, b in rows] == [(17, 95), (42, 105)], rows
print("deadlock reproduced (40P01); with the ordered FOR UPDATE both transfers committed")
