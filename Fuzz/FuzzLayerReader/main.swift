import FuzzDriver

runFuzzer(fuzzLayerReader)
