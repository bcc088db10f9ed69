"""The course inside Jupyter: the server pieces that make a second visit as smooth as the
first.

Owns the contents manager that keeps the course folder unchanged, the calm-start
settings written into the course's environment, ``thoracic lab`` (JupyterLab opened at
the first page, with a folder of the learner's own beside the course), the "Upper Back
Relief page" export format offered in JupyterLab's File menu, and the class report that
shows a teacher on a class server (JupyterHub) only what each learner chose to share.

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
    report_summary,
    report_week,
)
from ._contents import (
    COPY_COURSE_MESSAGE,
    COURSE_FOLDER_MESSAGE,
    CourseContentsManager,
    is_course_folder,
)
from ._exporter import CoursePageExporter
from ._launch import COURSE_LINK, NOTES_FOLDER, LabPlace, lab_place, run_lab
from ._setup import LAB_SETTINGS, NODE_PACKAGE, PAGE_CONFIG, SERVER_CONFIG, write_lab_setup

__all__ = [
    "COPY_COURSE_MESSAGE",
    "COURSE_FOLDER_MESSAGE",
    "COURSE_LINK",
    "LAB_SETTINGS",
    "LEARNER_STORE",
    "MAX_COPY_BYTES",
    "NODE_PACKAGE",
    "NOTES_FOLDER",
    "NOT_PLAIN",
    "PAGE_CONFIG",
    "SERVER_CONFIG",
    "CourseContentsManager",
    "CoursePageExporter",
    "LabPlace",
    "LearnerShare",
    "class_report",
    "format_class_report",
    "is_course_folder",
    "lab_place",
    "report_summary",
    "report_week",
    "run_lab",
    "write_lab_setup",
]
