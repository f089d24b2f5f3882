"""The guided planning-check wizard: pages sharing one ``WizardState``, running a ready-made model."""
