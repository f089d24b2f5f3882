"""The toolbox and the menu as a user reads them: one group per name (models in the same group as
the algorithms), no two tools of the same name, menu texts with their "&" shown, not underlining."""
import re
from collections import defaultdict

from lcr_toolkit.plugin import menu_text


def test_one_group_per_name_and_unique_names(provider):
    ids_by_name, names_by_id = defaultdict(set), defaultdict(set)
    for algorithm in provider.algorithms():
        ids_by_name[algorithm.group()].add(algorithm.groupId())
        names_by_id[algorithm.groupId()].add(algorithm.group())
    assert all(len(ids) == 1 for ids in ids_by_name.values()), dict(ids_by_name)
    assert all(len(names) == 1 for names in names_by_id.values()), dict(names_by_id)
    assert set(ids_by_name) >= {"Low-carbon", "Resilience", "Planning checks", "Data preparation", "Workflows"}
    names = [algorithm.displayName() for algorithm in provider.algorithms()]
    assert sorted(n for n in names if names.count(n) > 1) == []
    planning = {a.id() for a in provider.algorithms() if a.groupId() == "planning_checks"}
    assert {"lcr:master_plan_check", "lcr:detailed_plan_check", "lcr:planning_check"} <= planning


def test_menu_texts_show_their_ampersand(plugin):
    plugin.initGui()
    for action in (plugin.action, plugin.wizard_action, plugin.settings_action):
        assert not re.search(r"(?<!&)&(?!&)", action.text()), action.text()
    assert plugin.action.text() == "Low-Carbon && Resilience toolbox"
    assert menu_text("A & B") == "A && B"
