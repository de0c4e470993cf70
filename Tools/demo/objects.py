"""Demo: classes, dicts, strings and closures (an interpreter's everyday work)."""


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(('deposit', amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds for {self.owner}")
        self.balance -= amount
        self.history.append(('withdraw', amount))


def make_counter():
    counts = {}

    def count(word):
        counts[word] = counts.get(word, 0) + 1
        return counts[word]
    return count, counts


def main():
    accounts = [Account(f"user{i}", i * 10) for i in range(200)]
    failures = 0
    for step in range(300):
        for i, acct in enumerate(accounts):
            acct.deposit((step * 7 + i) % 13)
            try:
                acct.withdraw((step * 5 + i) % 17)
            except ValueError:
                failures += 1
    total = sum(a.balance for a in accounts)
    print(total, failures, len(accounts[0].history))
    count, counts = make_counter()
    text = " ".join(f"w{(i * i) % 97}" for i in range(50000))
    for word in text.split():
        count(word)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print(top)


main()
