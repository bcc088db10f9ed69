"""A class's own accounts: JupyterHub's NativeAuthenticator, with the teacher's made first.

Learners sign up with their own name and password; nobody can log in until the teacher
approves them. NativeAuthenticator approves an admin's sign-up by itself, so whoever
signed up first under the teacher's name would become the hub's admin: the teacher's
account is therefore made when the hub starts, before anyone can sign up.
"""

from __future__ import annotations

import secrets
from typing import Any

from nativeauthenticator import NativeAuthenticator
from nativeauthenticator.handlers import LoginHandler as NativeLoginHandler
from tornado.escape import url_escape
from tornado.httputil import url_concat
from traitlets import Unicode

__all__ = ["ClassAuthenticator"]


class _NoStatistics:
    """Stands in for the statsd client JupyterHub 6 no longer gives its handlers, which
    NativeAuthenticator 1.3.0's login still times."""

    def timer(self, name: str) -> _NoStatistics:
        return self

    def start(self) -> _NoStatistics:
        return self

    def stop(self, send: bool = True) -> None:
        return None


class _LoginHandler(NativeLoginHandler):
    """NativeAuthenticator 1.3.0's login page, mended for JupyterHub 6: no statsd, and the
    page drawn at once (sync) when JupyterHub shows a failed login's error in it."""

    statsd = _NoStatistics()

    def _render(self, login_error: str | None = None, username: str | None = None,
                sync: bool = False, **ignored: Any) -> Any:
        return self.render_template(
            "native-login.html", sync=sync,
            next=url_escape(self.get_argument("next", default="")),
            username=username, login_error=login_error,
            custom_html=self.authenticator.custom_html,
            login_url=self.settings["login_url"],
            enable_signup=self.authenticator.enable_signup,
            two_factor_auth=self.authenticator.allow_2fa,
            authenticator_login_url=url_concat(
                self.authenticator.login_url(self.hub.base_url),
                {"next": self.get_argument("next", "")}))


class ClassAuthenticator(NativeAuthenticator):
    teacher_password = Unicode(
        "", help="The teacher's password when the hub makes their account (its first "
                 "start); made up and printed if empty. Changed later at /hub/change-password."
    ).tag(config=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for teacher in sorted(self.admin_users):
            if self.get_user(teacher) is None:
                self._make_teacher(teacher)

    def get_handlers(self, app: Any) -> list[tuple[str, Any]]:
        return [(path, _LoginHandler if path == r"/login" else handler)
                for path, handler in super().get_handlers(app)]

    def _make_teacher(self, teacher: str) -> None:
        password = self.teacher_password or secrets.token_urlsafe(12)
        if not self.is_password_strong(password):
            raise ValueError(
                f"The teacher's password (THORACIC_HUB_TEACHER_PASSWORD) is too short or too "
                f"common: give one of at least {self.minimum_password_length} characters "
                "that is not on the list of common passwords.")
        self.create_user(teacher, password)  # an admin is approved as it is made
        if not self.teacher_password:
            print(f"The teacher's account {teacher} was made with the password: {password}\n"
                  "  Log in and change it at /hub/change-password.", flush=True)
