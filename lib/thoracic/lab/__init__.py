"""The course inside Jupyter: the server pieces that make a second visit as smooth as the
first.

Owns the contents manager that keeps the course folder unchanged, the calm-start
settings written into the course's environment, the "Upper Back Relief page" export
format offered in JupyterLab's File menu, and the class report that shows a teacher on a
class server (JupyterHub) only what each learner chose to share.

May import: every package except ``authoring``. Nothing below imports it; Jupyter loads
it by name from the settings ``thoracic lab-setup`` writes.
"""

from ._class_report import (
    LEARNER_STORE,
    MAX_COPY_BYTES,
    NOT_PLAIN,
    LearnerShare,
    class_report,
    format_class_report,
)
from ._contents import (
    COPY_COURSE_MESSAGE,
    COURSE_FOLDER_MESSAGE,
    CourseContentsManager,
    is_course_folder,
)
from ._exporter import CoursePageExporter
from ._setup import LAB_SETTINGS, SERVER_CONFIG, write_lab_setup

__all__ = [
    "COPY_COURSE_MESSAGE",
    "COURSE_FOLDER_MESSAGE",
    "LAB_SETTINGS",
    "LEARNER_STORE",
    "MAX_COPY_BYTES",
    "NOT_PLAIN",
    "SERVER_CONFIG",
    "CourseContentsManager",
    "CoursePageExporter",
    "LearnerShare",
    "class_report",
    "format_class_report",
    "is_course_folder",
    "write_lab_setup",
]
