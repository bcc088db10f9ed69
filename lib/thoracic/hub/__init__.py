"""The course on a class server: JupyterHub, as a class or as a demonstration.

A class (``make hub``, as root) gives each learner an account of their own
(NativeAuthenticator: they sign up, the teacher approves), a system user of their own
with a home only they can open, and one read-only course and environment; the teacher
sees what learners share on a page of the hub's. The demonstration (``make hub-demo``)
tries the course on one laptop and keeps learners apart by folder only.

May import: every package except ``authoring``. Only jupyterhub_config.py and the
``thoracic teacher-page`` command import it; JupyterHub loads its classes by name.
"""

from ._accounts import (
    SYSTEM_USER_PREFIX,
    learner_account,
    remove_learner_account,
    system_user_name,
)
from ._authenticator import ClassAuthenticator
from ._configure import PROGRESS_IN_HOME, configure_hub
from ._environment import (
    COURSE_REQUIREMENTS,
    install_class_environment,
    install_course_copy,
    shared_python,
)
from ._settings import (
    CLASS_NEEDS_ROOT,
    DEMONSTRATION,
    LEARNER_NAME,
    HubSettings,
    HubSettingsError,
    read_hub_settings,
)
from ._spawner import ClassSpawner
from ._teacher_page import TEACHER_PAGE, class_report_page, run_teacher_page

__all__ = [
    "CLASS_NEEDS_ROOT",
    "COURSE_REQUIREMENTS",
    "DEMONSTRATION",
    "LEARNER_NAME",
    "PROGRESS_IN_HOME",
    "SYSTEM_USER_PREFIX",
    "TEACHER_PAGE",
    "ClassAuthenticator",
    "ClassSpawner",
    "HubSettings",
    "HubSettingsError",
    "class_report_page",
    "configure_hub",
    "install_class_environment",
    "install_course_copy",
    "learner_account",
    "read_hub_settings",
    "remove_learner_account",
    "run_teacher_page",
    "shared_python",
    "system_user_name",
]
