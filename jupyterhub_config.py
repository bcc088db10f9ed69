"""JupyterHub for the course: a class on one server, or a demonstration on one laptop.

A CLASS (`sudo make hub TEACHER=ms-lee`, as root):

- Learners sign up at /hub/signup with their own name and password (at least 10
  characters, not a common one). Nobody gets in until the teacher approves them at
  /hub/authorize. After 3 wrong passwords in a row a name is locked for 10 minutes.
- The teacher is the hub's admin. Their account is made at the first start (the
  password is printed once, or taken from THORACIC_HUB_TEACHER_PASSWORD); change it at
  /hub/change-password. As JupyterHub's admin, the teacher could also open a learner's
  server: choose a teacher the learners trust with that.
- Each learner runs as a system user of their own (ubr-<name>, made at their first
  start), with a home only they can open (<state>/homes/<name>, mode 0700), where their
  progress file lives (readable by them alone). One learner cannot read, change or list
  another's files, nor list the homes folder.
- Everyone sees one copy of the course, root's and read-only, and runs one environment,
  root's and read-only, made from requirements-course.txt (again when it changes).
- The teacher's page, /services/class-report/, shows the figures of learners who chose
  to share (the switch in 12 · My progress), and everyone else as "not shared".
- Idle servers are stopped (jupyterhub-idle-culler); homes and progress stay.

Serve it to a class over HTTPS only: a proxy in front (nginx, Caddy) or
c.JupyterHub.ssl_cert and ssl_key, with THORACIC_HUB_IP set to the address to listen on.

A DEMONSTRATION (`make hub-demo`, any user): one shared password, any name, every
learner's server a process of the same user, homes in .hub/homes. It says so on every
page and listens on this computer only. Never use it for a real class.

Settings from the environment (all optional but the teacher in class mode):
THORACIC_HUB_TEACHER (class: the teacher's name), THORACIC_HUB_TEACHER_PASSWORD,
THORACIC_HUB_DIR (the hub's state: its database, the course copy, the environment, the
homes; default /srv/upper-back-relief for a class, .hub in the repository for the
demonstration), THORACIC_HUB_IP (default 127.0.0.1), THORACIC_HUB_PORT (default 8000),
THORACIC_HUB_IDLE_MINUTES (default 60), THORACIC_HUB_FAILED_LOGINS (default 3),
THORACIC_HUB_LOCK_MINUTES (default 10), THORACIC_HUB_DEMO=1 (the demonstration; make
hub-demo sets it), THORACIC_HUB_PASSWORD (the demonstration's shared password, at least
8 characters; default: a new one printed at start), THORACIC_TIMER_SCALE (passed on to
every learner, to speed timers up for a trial).
"""

import os
import sys
from pathlib import Path

from thoracic.hub import HubSettingsError, configure_hub, read_hub_settings

c = get_config()  # type: ignore[name-defined]  # noqa: F821 (JupyterHub provides it)

REPOSITORY = Path(__file__).resolve().parent
try:
    SETTINGS = read_hub_settings(os.environ, REPOSITORY)
except HubSettingsError as error:
    sys.exit(str(error))
TOLD = configure_hub(c, SETTINGS, REPOSITORY)
WIDTH = max(len(label) for label in TOLD)
print("\nUpper Back Relief: " + ("a class" if SETTINGS.mode == "class" else "a demonstration"),
      *(f"  {label.ljust(WIDTH)}  {line}" for label, line in TOLD.items()),
      "  Press Ctrl+C to stop the hub and every learner's server.\n", sep="\n", flush=True)
