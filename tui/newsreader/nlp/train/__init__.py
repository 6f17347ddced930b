"""Training and evaluating the Indonesian NER model (``python -m newsreader.nlp.train``).

Only for building the model: nothing at run time imports this package.
"""
