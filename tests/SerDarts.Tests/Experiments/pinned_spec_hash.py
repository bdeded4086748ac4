#!/usr/bin/env python3
"""The pinned hash of the default experiment spec, computed independently of SerDarts.

The canonical text is written out by hand from the spec's documented defaults (the paper's numbers) in the
spec's field order, compact JSON, shortest round-trip numbers, without name, folds, seeds and execution.
SpecHashTests.Default_spec_hash_is_pinned holds the printed value.
"""
import hashlib

CORPUS = '{"name":"sample","root":null}'
# "padding":"masked": fold statistics over valid frames only, padding 0 (December 2026; older stores' fold trials differ)
FEATURES = '{"kind":"mfcc","grid":"paper","padding":"masked"}'
HEAD = '{"lstmUnits":256,"lstmLayers":1,"denseUnits":[128],"dropout":0.3,"pooling":"last"}'
NETWORK = ('{"kind":"darts","searchSpace":"darts","cells":4,"nodes":4,"initChannels":8,"stemMultiplier":3,'
           '"auxiliary":false,"baselineChannels":[32,64,128],"head":' + HEAD + '}')
SEARCH = ('{"epochs":50,"batchSize":32,"order":"first","portion":0.5,"learningRate":0.025,"learningRateMin":0.001,'
          '"momentum":0.9,"weightDecay":0.0003,"gradientClip":5,"archLearningRate":0.0003,"archBeta1":0.5,'
          '"archBeta2":0.999,"archWeightDecay":0.001,"warmupEpochs":0,"partialChannels":1,"maxNormalSkips":null,'
          '"classWeightedLoss":true}')
TRAINING = ('{"epochs":300,"batchSize":32,"learningRate":0.025,"learningRateMin":0.001,"momentum":0.9,'
            '"weightDecay":0.0003,"gradientClip":5,"classWeightedLoss":true,"dropPath":0.2,"auxiliaryWeight":0.4}')

text = ('serdarts-spec-v2\n{"corpus":' + CORPUS + ',"split":"loso","features":' + FEATURES + ',"network":' + NETWORK
        + ',"search":' + SEARCH + ',"training":' + TRAINING + '}')
print(hashlib.sha256(text.encode("utf-8")).hexdigest())
