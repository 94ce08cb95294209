"""PyTorch reference for `npm run bench`: the same tagger as taskrel's benchmark (Embedding 20,000 x 100 ->
BiLSTM with H units per direction -> Linear to 45 labels, cross-entropy, Adam lr 1e-3, batch 32 x 25 tokens,
no dropout) on the CPU with one thread (the caller also limits BLAS threads: torch.set_num_threads(1) alone
leaves Debian's OpenBLAS on every core).

Driven line by line over stdin so that the benchmark can alternate short rounds of taskrel and PyTorch, which
then see the same load from other processes:
  `model H`  builds the model for H and answers `ready`;
  `step N`   trains N batches and answers a JSON list of [wall ms, CPU ms] per batch;
  `lstm N`   runs N forward + backward passes of the BiLSTM alone, answered likewise."""
import json
import sys
import time

import torch

VOCAB, EMB, T, B, LABELS = 20000, 100, 25, 32, 45


def build(hidden):
    embedding = torch.nn.Embedding(VOCAB, EMB)
    lstm = torch.nn.LSTM(EMB, hidden, bidirectional=True)
    head = torch.nn.Linear(2 * hidden, LABELS)
    optimizer = torch.optim.Adam([*embedding.parameters(), *lstm.parameters(), *head.parameters()], lr=1e-3)
    tokens = torch.randint(2, VOCAB, (T, B))
    labels = torch.randint(0, LABELS, (T * B,))
    x = torch.randn(T, B, EMB, requires_grad=True)
    probe = torch.randn(T, B, 2 * hidden)

    def step():
        optimizer.zero_grad()
        states, _ = lstm(embedding(tokens))
        loss = torch.nn.functional.cross_entropy(head(states.reshape(T * B, 2 * hidden)), labels)
        loss.backward()
        optimizer.step()

    def lstm_only():
        lstm.zero_grad()
        states, _ = lstm(x)
        (states * probe).sum().backward()

    return {"step": step, "lstm": lstm_only}


def timed(fn, count):
    times = []
    for _ in range(count):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        times.append([(time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000])
    return times


if __name__ == "__main__":
    torch.set_num_threads(1)
    torch.manual_seed(0)
    model = None
    for line in sys.stdin:
        command, argument = line.split()
        if command == "model":
            model = build(int(argument))
            print("ready", flush=True)
        else:
            print(json.dumps(timed(model[command], int(argument))), flush=True)
