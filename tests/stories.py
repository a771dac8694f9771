"""Made-up coverage shared by the CLI and CI-mode tests."""

from __future__ import annotations


def md(date: str, outlet: str, body: str, title: str = "Harbour pact talks") -> str:
    return f"---\ntitle: {title}\ndate: {date}\noutlet: {outlet}\n---\n{body}\n"


# Three outlets agree that the mayor and the governor meet on May 9.
HARBOUR_AGREE = {
    "north.md": md("2031-05-02", "North Gazette",
                   "Mayor Lena Varga and Governor Tomas Brill will meet on May 9 in Port Elsin to sign "
                   "the harbour pact.\n\nThe talks follow months of negotiation over fishing rights."),
    "valley.md": md("2031-05-03", "Valley Times",
                    "Lena Varga and Tomas Brill are expected to meet on May 9, officials said."),
    "coast.md": md("2031-05-03", "Coast Herald",
                   "Lena Varga and Tomas Brill will meet on May 9 to sign the harbour pact, aides said."),
}
