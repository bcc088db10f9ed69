"""Every picture in the course: stick figures of the exercises, their looping animations,
the spine, and the self-tests, as stable SVG with alt text.

Owns the SVG output (same picture, same bytes), the pose geometry, the exercise poses,
the animation writer, and the spine and self-test pictures. Matplotlib is imported only
when a picture is drawn.

May import: ``thoracic.base``, ``thoracic.content``.
"""

from ._animation import movement_animation
from ._drawing import draw_pose
from ._exercise_poses import EXERCISE_DIAGRAM_IDS, exercise_diagram
from ._pose import Pose, Support
from ._self_test_pictures import SELF_TEST_PICTURE_IDS, self_test_picture
from ._spine import spine_picture
from ._svg import new_figure, svg_figure

__all__ = [
    "EXERCISE_DIAGRAM_IDS",
    "SELF_TEST_PICTURE_IDS",
    "Pose",
    "Support",
    "draw_pose",
    "exercise_diagram",
    "movement_animation",
    "new_figure",
    "self_test_picture",
    "spine_picture",
    "svg_figure",
]
