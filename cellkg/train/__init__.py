"""Training the relation scorer from the repository's gold sets, and an honest estimate of how it generalises.

This package sits above ``cellkg.extract`` and ``cellkg.evaluate`` (it joins the two): ``dataset`` turns
gold documents into labelled candidate pairs, ``fit`` fits the logistic regression and its threshold,
``loso`` scores each gold set with a model trained on the others. ``cellkg train`` runs them.
"""
