"""The course inside Jupyter: the server pieces that make a second visit as smooth as the
first.

Owns the contents manager that keeps the course folder unchanged, the calm-start
settings written into the course's environment, and the "Upper Back Relief page" export
format offered in JupyterLab's File menu.

May import: every package except ``authoring``. Nothing below imports it; Jupyter loads
it by name from the settings ``thoracic lab-setup`` writes.
"""

from ._contents import COURSE_FOLDER_MESSAGE, CourseContentsManager, is_course_folder
from ._exporter import CoursePageExporter
from ._setup import LAB_SETTINGS, SERVER_CONFIG, write_lab_setup

__all__ = [
    "COURSE_FOLDER_MESSAGE",
    "LAB_SETTINGS",
    "SERVER_CONFIG",
    "CourseContentsManager",
    "CoursePageExporter",
    "is_course_folder",
    "write_lab_setup",
]
