from __future__ import annotations

from nbconvert.exporters import get_export_names, get_exporter

from thoracic.lab import CoursePageExporter


def test_jupyterlab_finds_the_course_page_format() -> None:
    # JupyterLab's File > Save and Export Notebook As lists what nbconvert can find.
    assert "Upper_Back_Relief_page" in get_export_names()
    exporter = get_exporter("Upper_Back_Relief_page")
    assert exporter is CoursePageExporter
    assert exporter.export_from_notebook == "Upper Back Relief page"
    assert exporter().file_extension == ".html" and exporter.output_mimetype == "text/html"
