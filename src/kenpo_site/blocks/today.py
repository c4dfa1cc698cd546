"""「いまの状況」: what holds in each period the rules tell apart; the page shows today's.

Every period and its wording is built from the leaflet's dates; the browser picks the
period that holds today in Japan (kenpo.js), and without JavaScript all are listed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kenpo_wizard import leaflet as lf
from kenpo_wizard.wareki import both, wareki

from ..build_context import BuildContext
from ..i18n import _
from ..render import render


@dataclass(frozen=True)
class Period:
    start: str
    end: str
    when: str
    text: str


def today_status_html(build: BuildContext) -> str:
    """What holds in each period the rules tell apart; the browser shows today's (kenpo.js)."""
    w = wareki
    day_before = lf.ABOLITION_DAY - dt.timedelta(days=1)
    span = _("{start}〜{end}")
    periods = (
        Period(
            "0001-01-01",
            day_before.isoformat(),
            _("{date}まで").format(date=w(day_before)),
            _(
                "お手元の保険証で受診できます。{abolition}から保険証の新規発行・再発行は終了します。"
            ).format(abolition=w(lf.ABOLITION_DAY)),
        ),
        Period(
            lf.ABOLITION_DAY.isoformat(),
            lf.TRANSITION_LAST_DAY.isoformat(),
            span.format(start=w(lf.ABOLITION_DAY), end=w(lf.TRANSITION_LAST_DAY)),
            _(
                "経過措置期間です。保険証の新規発行・再発行は終了しました。お手元の保険証は"
                "{last_day}まで使えます。マイナ保険証の利用登録はお早めに。"
            ).format(last_day=w(lf.TRANSITION_LAST_DAY)),
        ),
        Period(
            lf.TRANSITION_OVER.isoformat(),
            lf.CERTIFICATE_VALID_UNTIL.isoformat(),
            span.format(start=w(lf.TRANSITION_OVER), end=w(lf.CERTIFICATE_VALID_UNTIL)),
            _(
                "経過措置は{last_day}で終わり、保険証は使えません。"
                "マイナ保険証、またはマイナ保険証をお持ちでない方は資格確認書で受診します。"
            ).format(last_day=w(lf.TRANSITION_LAST_DAY)),
        ),
        Period(
            lf.CERTIFICATE_EXPIRED_FROM.isoformat(),
            "9999-12-31",
            _("{date}以降").format(date=w(lf.CERTIFICATE_EXPIRED_FROM)),
            _(
                "資格確認書の有効期限（{valid_until}）を過ぎています。"
                "その後の取扱いはリーフレットに記載がありません。当組合へお問い合わせください"
                "（勤務先の事務担当者経由）。"
            ).format(valid_until=w(lf.CERTIFICATE_VALID_UNTIL)),
        ),
    )
    # The build day's state is in the HTML, so the page script changes nothing on that day (no
    # layout shift); on a later day it shows that day's period (the site is rebuilt daily).
    today = build.day.isoformat()
    return render(
        "today_status.html.j2",
        periods=periods,
        current=[p.start <= today <= p.end for p in periods],
        label=_("本日 {date} 時点（日本時間）").format(date=both(build.day)),
    )
