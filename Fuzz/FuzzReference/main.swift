import FuzzDriver

runFuzzer(fuzzReference)
