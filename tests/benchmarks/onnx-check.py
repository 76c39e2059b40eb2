#!/usr/bin/python3
"""Checks the ONNX graphs of a `dssm export onnx` folder with Debian's python3-onnx, sharing no code with the kit.

    dssm export onnx --model RUN --out /tmp/export
    /usr/bin/python3 tests/benchmarks/onnx-check.py /tmp/export

For each .onnx file: onnx.checker.check_model (full check, with shape inference), the declared inputs and output,
then the graph evaluated node by node with numpy on random padded bags compared with the same tower written the
PyTorch way (EmbeddingBag(mode='sum', per_sample_weights) + Linear + activation + F.normalize) from the graph's
own initializers, when python3-torch is installed. Needs python3-onnx and python3-numpy (apt-get install -y
python3-onnx); nothing in the README's commands does.
"""
import json, math, os, sys
import numpy as np
import onnx
from onnx import numpy_helper

def run_graph(model, feeds):
    """A numpy evaluator for the ops the exporter writes (opset 17)."""
    env = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    env.update(feeds)
    erf = np.vectorize(math.erf, otypes=[np.float32])
    for node in model.graph.node:
        x = [env[i] for i in node.input]
        attr = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
        op = node.op_type
        if op == "Gather": y = np.take(x[0], x[1], axis=attr.get("axis", 0))
        elif op == "Unsqueeze": y = np.expand_dims(x[0], tuple(int(a) for a in x[1]))
        elif op == "Squeeze": y = np.squeeze(x[0], tuple(int(a) for a in x[1]))
        elif op == "MatMul": y = np.matmul(x[0], x[1])
        elif op == "Mul": y = x[0] * x[1]
        elif op == "Add": y = x[0] + x[1]
        elif op == "Div": y = x[0] / x[1]
        elif op == "Max": y = np.maximum(x[0], x[1])
        elif op == "ReduceSum": y = x[0].sum(axis=tuple(int(a) for a in x[1]), keepdims=bool(attr.get("keepdims", 1)))
        elif op == "ReduceL2": y = np.sqrt((x[0] ** 2).sum(axis=tuple(attr["axes"]), keepdims=bool(attr.get("keepdims", 1))))
        elif op == "Gemm": y = x[0] @ (x[1].T if attr.get("transB", 0) else x[1]) + x[2]
        elif op == "Tanh": y = np.tanh(x[0])
        elif op == "Relu": y = np.maximum(x[0], 0)
        elif op == "Erf": y = erf(x[0])
        else: raise SystemExit(f"{op}: not an op this exporter writes")
        env[node.output[0]] = y.astype(np.float32)
    return env[model.graph.output[0].name]

def torch_reference(model, ids, weights, activation):
    import torch, torch.nn.functional as F
    w = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in model.graph.initializer}
    bag = torch.nn.EmbeddingBag.from_pretrained(w["W1"], mode="sum")
    flat = torch.from_numpy(ids).reshape(-1)
    offsets = torch.arange(0, ids.size, ids.shape[1])
    f = {"tanh": torch.tanh, "relu": torch.relu, "gelu": F.gelu, "identity": lambda t: t}[activation]
    h = bag(flat, offsets, per_sample_weights=torch.from_numpy(weights).reshape(-1))
    if "b1" in w: h = h + w["b1"]
    h = f(h)
    i = 2
    while f"W{i}" in w:
        h = f(F.linear(h, w[f"W{i}"], w[f"b{i}"])); i += 1
    return F.normalize(h, dim=1).numpy()

def main(folder):
    spec = json.load(open(os.path.join(folder, "featurizer.json"), encoding="utf-8"))
    activation = json.load(open(os.path.join(folder, "config.json"), encoding="utf-8"))["options"]["towers"]["activation"]
    files = sorted(f for f in os.listdir(folder) if f.endswith(".onnx"))
    if not files: raise SystemExit(f"{folder}: no .onnx files")
    rng = np.random.default_rng(0)
    for name in files:
        path = os.path.join(folder, name)
        model = onnx.load(path)
        onnx.checker.check_model(model, full_check=True)
        inputs = {i.name: i.type.tensor_type.elem_type for i in model.graph.input}
        assert inputs == {"ids": onnx.TensorProto.INT64, "weights": onnx.TensorProto.FLOAT}, inputs
        assert [o.name for o in model.graph.output] == ["embedding"]
        vocab = spec["towers"]["input_dimension"]
        ids = rng.integers(0, vocab, size=(16, 24), dtype=np.int64)
        weights = rng.integers(1, 4, size=(16, 24)).astype(np.float32)
        weights[:, 18:] = 0; ids[:, 18:] = 0                      # padding
        y = run_graph(model, {"ids": ids, "weights": weights})
        norms = np.linalg.norm(y, axis=1)
        assert np.allclose(norms, 1, atol=1e-5), norms
        line = f"{name}: onnx.checker ok (opset {model.opset_import[0].version}, IR {model.ir_version}), output {y.shape}, unit rows"
        try:
            ref = torch_reference(model, ids, weights, activation)
            diff = float(np.abs(ref - y).max())
            assert diff <= 1e-5, f"{name}: numpy graph vs torch EmbeddingBag differ by {diff}"
            line += f", numpy graph = torch EmbeddingBag tower to {diff:.1e}"
        except ImportError:
            line += " (python3-torch not installed: no torch comparison)"
        print(line)

if __name__ == "__main__":
    if len(sys.argv) != 2: raise SystemExit(__doc__)
    main(sys.argv[1])
