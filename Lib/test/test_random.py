"""Tests of random: seeded sequences must be exactly CPython 3.13's (the expected values
below were produced by CPython 3.13 with the same calls), plus argument checking."""

import random
import unittest

EXPECTED = {'random': [0.6394267984578837, 0.025010755222666936, 0.27502931836911926, 0.22321073814882275, 0.7364712141640124], 'getrandbits': [1, 94, 3831882064, 2342331444, 7783083932390163561, 245107789584464165588405774579, 966961607769720519125568290336211036614569710015915310339498285777591985724722076406208166399994147405847853771005201587915124115064207027023295260961412788080502973086152615084242112432243405810231414574178656930748499630013414698483529900907141929023320436295860753340933587372018087042869202233880], 'randint': [49, 13, 46, 45, 78, 34, 6, 94, 59, 69], 'randrange': [217, 672, 140, 987, 525, 4, 0, 4, -2, -4, 968793911605326987603759277465, 483371132835777832348764614392], 'shuffle': [6, 0, 15, 19, 18, 7, 9, 13, 2, 1, 12, 4, 10, 3, 16, 17, 5, 11, 14, 8], 'choice': ['f', 'a', 'd', 'a', 'f', 'g', 'e', 'b', 'd', 'j'], 'sample': [897, 735, 322, 217, 671, 511, 405, 905, 936, 658, 14, 4, 8, 28, 7, 23, 17, 24, 27, 18, 13, 20, 12, 11, 25, 2, 21, 15, 1, 0, 16, 29, 19, 6, 5, 'e', 'f', 'b'], 'choices': ['b', 'b', 'b', 'a', 'b', 'c', 'c', 'b', 'c', 'c', 'z', 'z', 'z', 'y', 'x'], 'uniform': [4.220920613099108, 4.196806688859242, 6.718880988701143], 'triangular': [5.636168647182292, 3.7242159030401645, 1.4588407918460808], 'gauss': [2.2899320865570933, 2.279689447653408, 3.6695275391007134, 4.935891787944181, 4.16622707168306], 'normal': [1.790119727472135, -0.02200936150191729, 0.6919759324699596], 'expo': [0.13779216799219782, 0.41892112063201337, 0.04101574314951447], 'gamma': [5.908026873990275, 0.2688018531659724, 8.067931714372369], 'beta': [0.17729977412863432, 0.5595497106177522], 'vonmises': [0.6713375186197262, 0.7959269812357631], 'pareto': [1.3087687301541948, 1.3443808598507279], 'weibull': [0.037344830210501986, 1.148270680082802], 'lognorm': [0.5486525371834382, 1.0169715493917746], 'binomial': [8, 6, 4, 5, 5, 376, 387, 399, 424, 395, 39, 42, 43], 'randbytes': b'\x92\x9bI\xa8\x0c\x8ck\x953\xb6\xb2\x90', 'bigseed': [0.44487310994347073, 0.30211940106972124, 0.6943236571773822], 'negseed': [339563, 993908, 158176], 'zeroseed': [0.8444218515250481, 0.7579544029403025], 'floatseed': [0.3039190124834461, 0.23014450764056538], 'state': [True]}


def trace(r):
    out = {}
    r.seed(42)
    out['random'] = [r.random() for _ in range(5)]
    out['getrandbits'] = [r.getrandbits(k) for k in (1, 7, 32, 33, 64, 100, 1000)]
    out['randint'] = [r.randint(1, 100) for _ in range(10)]
    out['randrange'] = [r.randrange(0, 1000, 7) for _ in range(5)] + [r.randrange(-5, 5) for _ in range(5)] + [r.randrange(10**30) for _ in range(2)]
    seq = list(range(20)); r.shuffle(seq); out['shuffle'] = seq
    out['choice'] = [r.choice('abcdefghij') for _ in range(10)]
    out['sample'] = r.sample(range(1000), 10) + r.sample(range(30), 25) + r.sample('abcdef', 3, counts=[1, 2, 3, 4, 5, 6])
    out['choices'] = r.choices('abc', k=5) + r.choices('abc', weights=[1, 5, 10], k=5) + r.choices('xyz', cum_weights=[1, 2, 10], k=5)
    out['uniform'] = [r.uniform(-3, 7) for _ in range(3)]
    out['triangular'] = [r.triangular(0, 10, 2) for _ in range(3)]
    out['gauss'] = [r.gauss(5, 2) for _ in range(5)]
    out['normal'] = [r.normalvariate(0, 1) for _ in range(3)]
    out['expo'] = [r.expovariate(2.0) for _ in range(3)]
    out['gamma'] = [r.gammavariate(a, 2.0) for a in (0.5, 1.0, 3.0)]
    out['beta'] = [r.betavariate(2, 3) for _ in range(2)]
    out['vonmises'] = [r.vonmisesvariate(1.0, 4.0) for _ in range(2)]
    out['pareto'] = [r.paretovariate(3) for _ in range(2)]
    out['weibull'] = [r.weibullvariate(1, 1.5) for _ in range(2)]
    out['lognorm'] = [r.lognormvariate(0, 0.5) for _ in range(2)]
    out['binomial'] = [r.binomialvariate(20, 0.3) for _ in range(5)] + [r.binomialvariate(1000, 0.4) for _ in range(5)] + [r.binomialvariate(50, 0.8) for _ in range(3)]
    out['randbytes'] = r.randbytes(12)
    r.seed(2**100 + 12345); out['bigseed'] = [r.random() for _ in range(3)]
    r.seed(-7); out['negseed'] = [r.randint(0, 10**6) for _ in range(3)]
    r.seed(0); out['zeroseed'] = [r.random() for _ in range(2)]
    r.seed(3.5); out['floatseed'] = [r.random() for _ in range(2)]
    r.seed(42); st = r.getstate(); a = r.random(); r.setstate(st); out['state'] = [a == r.random()]
    return out



class RandomTests(unittest.TestCase):

    def test_sequences_match_cpython(self):
        got = trace(random.Random())
        for key, value in EXPECTED.items():
            with self.subTest(key=key):
                self.assertEqual(got[key], value)

    def test_module_functions_share_one_generator(self):
        random.seed(7)
        a = [random.random(), random.randint(1, 6)]
        random.seed(7)
        self.assertEqual([random.random(), random.randint(1, 6)], a)

    def test_errors(self):
        r = random.Random(1)
        with self.assertRaises(ValueError):
            r.randrange(0)
        with self.assertRaises(ValueError):
            r.randrange(5, 5)
        with self.assertRaises(ValueError):
            r.randrange(0, 10, 0)
        with self.assertRaises(IndexError):
            r.choice([])
        with self.assertRaises(ValueError):
            r.sample(range(3), 4)
        with self.assertRaises(TypeError):
            r.sample({1, 2}, 1)
        with self.assertRaises(TypeError):
            r.seed([1, 2])
        with self.assertRaises(ValueError):
            r.getrandbits(-1)
        with self.assertRaises(ValueError):
            r.choices('ab', weights=[0, 0])

    def test_system_random(self):
        s = random.SystemRandom()
        value = s.random()
        self.assertTrue(0.0 <= value < 1.0)
        self.assertEqual(len(s.randbytes(5)), 5)
        with self.assertRaises(NotImplementedError):
            s.getstate()

    def test_subclass_with_own_random(self):
        class Fixed(random.Random):
            def random(self):
                return 0.5
        # random() == 0.5: floor(0.5 * 2**53) % 10 is 6 (no getrandbits is used).
        self.assertEqual(Fixed().randrange(10), 6)


class SeedTests(unittest.TestCase):

    def test_seed_int(self):
        r = random.Random()
        r.seed(12345)
        self.assertEqual(
            [r.random() for _ in range(4)],
            [0.41661987254534116,
             0.010169169457068361,
             0.8252065092537432,
             0.2986398551995928])
        r.seed(2**64 + 1)
        self.assertEqual([r.random() for _ in range(2)], [0.10175875467846374, 0.7248101788369984])
        r.seed(-12345)
        a = r.random()
        r.seed(12345)
        self.assertEqual(a, r.random())

    def test_seed_str_version2(self):
        r = random.Random('hello world')
        self.assertEqual(
            [r.random() for _ in range(3)],
            [0.8952335074947013, 0.1329067180509933, 0.4249552841063817])
        r.seed('')
        self.assertEqual(r.random(), 0.9602256525641875)
        r.seed('\u00e9t\u00e9 \u2603')
        self.assertEqual(r.random(), 0.6531537568174142)

    def test_seed_str_version1(self):
        r = random.Random()
        r.seed('hello world', version=1)
        self.assertEqual(
            [r.random() for _ in range(3)],
            [0.7899296597432819, 0.5130605698826536, 0.43003804877623864])
        r.seed('a', version=1)
        self.assertEqual(r.random(), 0.8615004237012702)
        r.seed(b'xyz', version=1)
        self.assertEqual(r.random(), 0.45115943674906334)
        with self.assertRaises(TypeError) as cm:
            r.seed(bytearray(b"xyz"), version=1)
        self.assertEqual(str(cm.exception), "unhashable type: 'bytearray'")

    def test_seed_bytes(self):
        r = random.Random(b'spam')
        self.assertEqual(
            [r.random() for _ in range(3)],
            [0.7594613714095375, 0.12006198590420969, 0.257990874390161])
        r.seed(bytearray(b'spam'))
        self.assertEqual(r.random(), 0.7594613714095375)
        r.seed(b'')
        self.assertEqual(r.random(), 0.9602256525641875)

    def test_seed_float_and_bool(self):
        r = random.Random(0.5)
        self.assertEqual(r.random(), 0.2794930785867423)
        r.seed(-2.25)
        self.assertEqual(r.random(), 0.9236205677220981)
        r.seed(True)
        self.assertEqual(r.random(), 0.13436424411240122)
        r.seed(1)
        self.assertEqual(r.random(), 0.13436424411240122)

    def test_seed_none_varies(self):
        r1 = random.Random(None)
        r2 = random.Random()
        self.assertNotEqual(r1.getstate(), r2.getstate())
        r1.seed()
        self.assertEqual(len(r1.getstate()[1]), 625)

    def test_seed_errors(self):
        with self.assertRaises(TypeError) as cm:
            random.Random().seed([1, 2])
        self.assertEqual(
            str(cm.exception),
            'The only supported seed types are:\nNone, int, float, str, bytes, and bytearray.')
        with self.assertRaises(TypeError) as cm:
            random.Random().seed({'a': 1})
        self.assertEqual(
            str(cm.exception),
            'The only supported seed types are:\nNone, int, float, str, bytes, and bytearray.')
        with self.assertRaises(TypeError) as cm:
            random.Random().seed(object())
        self.assertEqual(
            str(cm.exception),
            'The only supported seed types are:\nNone, int, float, str, bytes, and bytearray.')

    def test_constructor_seed_same_as_seed(self):
        r1 = random.Random(99)
        r2 = random.Random()
        r2.seed(99)
        self.assertEqual(r1.getstate(), r2.getstate())
        self.assertEqual(r1.random(), r2.random())


class StateTests(unittest.TestCase):

    def test_getstate_shape(self):
        r = random.Random(5)
        st = r.getstate()
        self.assertEqual(st[0], 3)
        self.assertEqual(type(st[1]).__name__, 'tuple')
        self.assertEqual(len(st[1]), 625)
        self.assertEqual(st[1][-1], 624)
        self.assertIsNone(st[2])
        self.assertEqual(st[1][:4], (2147483648, 2796186638, 190942503, 2897782440))

    def test_round_trip(self):
        r = random.Random(2024)
        r.random()
        st = r.getstate()
        first = [r.random(), r.randint(1, 1000), r.getrandbits(70), r.gauss(0, 1)]
        r.setstate(st)
        self.assertEqual([r.random(), r.randint(1, 1000), r.getrandbits(70), r.gauss(0, 1)], first)

    def test_gauss_next_saved_in_state(self):
        r = random.Random(3)
        r.gauss()
        st = r.getstate()
        self.assertEqual(st[2], 1.2500243810835503)
        self.assertEqual(r.gauss(), 1.2500243810835503)
        r.setstate(st)
        self.assertEqual(r.gauss(), 1.2500243810835503)

    def test_state_between_instances(self):
        r1 = random.Random(8)
        r2 = random.Random(9)
        r2.setstate(r1.getstate())
        self.assertEqual([r2.random() for _ in range(3)], [r1.random() for _ in range(3)])

    def test_setstate_errors(self):
        r = random.Random(1)
        with self.assertRaises(ValueError) as cm:
            r.setstate((4, (0,) * 625, None))
        self.assertEqual(
            str(cm.exception),
            'state with version 4 passed to Random.setstate() of version 3')
        with self.assertRaises(ValueError):
            r.setstate((3, (0,) * 10, None))
        with self.assertRaises(ValueError):
            r.setstate('nope')
        with self.assertRaises(ValueError):
            r.setstate((3, tuple(range(624)) + (700,), None))
        with self.assertRaises(TypeError):
            r.setstate((3, (1.5,) * 625, None))


class SequenceTests(unittest.TestCase):

    def test_random_and_bits(self):
        r = random.Random(7)
        self.assertEqual(
            [r.random() for _ in range(5)],
            [0.32383276483316237,
             0.15084917392450192,
             0.6509344730398537,
             0.07243628666754276,
             0.5358820043066892])
        self.assertEqual(
            [r.getrandbits(n) for n in (0, 1, 2, 8, 31, 32, 53, 64, 65, 128)],
            [0,
             0,
             2,
             14,
             1953574602,
             2179419893,
             337731380475340,
             7999350999753991002,
             1288605153985647771,
             20114262598787247414331379740195747801])
        self.assertEqual(r.randbytes(0), b'')
        self.assertEqual(r.randbytes(1), b'\xd3')
        self.assertEqual(r.randbytes(7), b'\xcf\x92\xc1\x90|\xb1\x1f')
        self.assertEqual(r.randbytes(16), b']\x10\x8c\xf2Y0&98\xb3p\xa1\xb5v\x9f\xa0')

    def test_randint_randrange(self):
        r = random.Random(11)
        self.assertEqual(
            [r.randint(-3, 3) for _ in range(12)],
            [0, 3, 1, 3, 3, 0, 0, 1, 3, 1, -2, -2])
        self.assertEqual(
            [r.randint(10**20, 10**20 + 5) for _ in range(4)],
            [100000000000000000004,
             100000000000000000003,
             100000000000000000005,
             100000000000000000004])
        self.assertEqual([r.randrange(50) for _ in range(8)], [11, 6, 28, 19, 9, 5, 34, 44])
        self.assertEqual([r.randrange(10, 110, 10) for _ in range(6)], [10, 100, 70, 80, 100, 30])
        self.assertEqual([r.randrange(100, 0, -7) for _ in range(6)], [37, 100, 9, 44, 93, 100])
        self.assertEqual(
            [r.randrange(-10**25, 10**25) for _ in range(2)],
            [-8836239195620512044680648, 2622857273302706023439552])
        self.assertEqual(r.randrange(5, 6), 5)
        self.assertEqual(r.randint(4, 4), 4)

    def test_choice(self):
        r = random.Random(13)
        self.assertEqual([r.choice(range(1000)) for _ in range(6)], [265, 297, 701, 931, 700, 821])
        self.assertEqual(
            [r.choice(('x', 'y')) for _ in range(8)],
            ['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x'])
        self.assertEqual(''.join(r.choice('ACGT') for _ in range(20)), 'GATCAGCAGTTCGGCTTGTG')

    def test_choices(self):
        r = random.Random(17)
        self.assertEqual(r.choices(range(10), k=8), [5, 8, 9, 2, 7, 7, 6, 1])
        self.assertEqual(r.choices('ab'), ['a'])
        self.assertEqual(
            r.choices('abcd', weights=[10, 0, 5, 1], k=10),
            ['a', 'c', 'a', 'a', 'a', 'c', 'd', 'a', 'd', 'a'])
        self.assertEqual(
            r.choices('abcd', [0.1, 0.2, 0.3, 0.4], k=6),
            ['d', 'd', 'b', 'd', 'c', 'd'])
        self.assertEqual(
            r.choices('abc', cum_weights=[5, 5, 20], k=10),
            ['a', 'c', 'c', 'c', 'c', 'a', 'c', 'c', 'c', 'a'])
        self.assertEqual(r.choices([1, 2], weights=[1, 1], k=0), [])
        self.assertEqual(r.choices('xyz', weights=(1, 2.5, 3), k=5), ['z', 'z', 'z', 'x', 'y'])

    def test_shuffle(self):
        r = random.Random(19)
        x = list(range(10))
        r.shuffle(x)
        self.assertEqual(x, [9, 5, 6, 2, 3, 7, 4, 1, 8, 0])
        y = list('abcdefgh')
        r.shuffle(y)
        self.assertEqual(y, ['g', 'd', 'b', 'f', 'a', 'h', 'e', 'c'])
        z = [1]
        r.shuffle(z)
        self.assertEqual(z, [1])

    def test_sample(self):
        r = random.Random(23)
        self.assertEqual(r.sample(range(100), 10), [99, 37, 10, 2, 75, 39, 54, 48, 67, 45])
        self.assertEqual(r.sample(range(10**9), 4), [139911716, 779487527, 206155376, 287099173])
        self.assertEqual(r.sample('abcdefg', 7), ['d', 'a', 'b', 'g', 'f', 'c', 'e'])
        self.assertEqual(
            r.sample(['red', 'blue'], counts=[4, 2], k=5),
            ['blue', 'red', 'blue', 'red', 'red'])
        self.assertEqual(r.sample(range(5), 0), [])
        self.assertEqual(sorted(r.sample(range(20), 20)), list(range(20)))
        self.assertEqual(r.sample((1, 2, 3, 4, 5, 6, 7, 8), k=3), [8, 6, 7])

    def test_uniform_triangular(self):
        r = random.Random(29)
        self.assertEqual(
            [r.uniform(0, 1) for _ in range(3)],
            [0.5481190538116991, 0.34583182333805484, 0.8448510885666276])
        self.assertEqual(
            [r.uniform(10, -10) for _ in range(3)],
            [4.228051291893136, -0.20690052617499077, 3.1237144182748366])
        self.assertEqual(
            [r.triangular() for _ in range(3)],
            [0.4557926765729086, 0.8856732671267724, 0.22774183748084537])
        self.assertEqual(
            [r.triangular(1, 3) for _ in range(3)],
            [1.9430835443214955, 1.6705334688548326, 1.836141811657651])
        self.assertEqual(
            [r.triangular(0, 100, 90) for _ in range(3)],
            [98.87755201930317, 54.43978954001491, 73.95944883801344])
        self.assertEqual(r.triangular(2, 2), 2.0)

    def test_gauss_normal(self):
        r = random.Random(31)
        self.assertEqual(
            [r.gauss() for _ in range(4)],
            [0.48687696088608556,
             0.03763554857818757,
             -1.1864046613545405,
             0.9463674053768324])
        self.assertEqual(
            [r.gauss(100, 15) for _ in range(3)],
            [104.71635271711953, 105.60655356500226, 102.8811122566871])
        self.assertEqual(
            [r.normalvariate() for _ in range(3)],
            [0.32220810894313784, 0.1107810253717777, 1.2636916618676308])
        self.assertEqual(
            [r.normalvariate(-5, 0.1) for _ in range(3)],
            [-5.077235023383183, -5.063459269433413, -4.967820601070213])
        self.assertEqual(
            [r.lognormvariate(1, 0.25) for _ in range(3)],
            [2.514716411975906, 4.275338980997491, 1.5010407676564996])

    def test_expovariate(self):
        r = random.Random(37)
        self.assertEqual(
            [r.expovariate() for _ in range(3)],
            [1.1457182377764286, 0.0960733398243883, 0.9618540237617286])
        self.assertEqual(
            [r.expovariate(0.5) for _ in range(3)],
            [3.6893068823612243, 3.598175977610313, 1.4472858734719])
        self.assertEqual(
            [r.expovariate(lambd=10) for _ in range(2)],
            [0.09970615272149916, 0.04608137206092504])

    def test_gamma_beta(self):
        r = random.Random(41)
        self.assertEqual(
            [r.gammavariate(0.3, 1) for _ in range(3)],
            [0.05684769861967331, 0.0035664122782404425, 0.22794203841369368])
        self.assertEqual(
            [r.gammavariate(1, 3) for _ in range(3)],
            [2.4159892454084693, 1.4513052999364737, 3.9461011997290134])
        self.assertEqual(
            [r.gammavariate(2.5, 0.5) for _ in range(3)],
            [1.4582060272613533, 1.7477291482912691, 1.1066458347292967])
        self.assertEqual(
            [r.betavariate(0.5, 0.5) for _ in range(3)],
            [0.444473650685432, 0.3851637736042672, 0.9464541007005317])
        self.assertEqual(
            [r.betavariate(5, 1) for _ in range(3)],
            [0.8631759967891417, 0.6904400506487678, 0.8053155988597634])

    def test_vonmises_pareto_weibull(self):
        r = random.Random(43)
        self.assertEqual(
            [r.vonmisesvariate(0, 0) for _ in range(2)],
            [0.2422283504893743, 4.37450643449419])
        self.assertEqual(
            [r.vonmisesvariate(3.0, 0.5) for _ in range(3)],
            [3.2939473487315567, 0.823640291129033, 2.961259183337715])
        self.assertEqual(
            [r.vonmisesvariate(1.0, 1e-7) for _ in range(2)],
            [5.35508741754094, 3.4368012307049716])
        self.assertEqual(
            [r.paretovariate(1.5) for _ in range(3)],
            [2.556214402793739, 1.4615844151087887, 1.1379275902072905])
        self.assertEqual(
            [r.weibullvariate(2, 0.5) for _ in range(3)],
            [7.242605528151482, 5.889458381945397, 0.4443941174378514])

    def test_binomialvariate(self):
        r = random.Random(47)
        self.assertEqual([r.binomialvariate() for _ in range(10)], [1, 1, 1, 1, 0, 1, 1, 1, 1, 1])
        self.assertEqual([r.binomialvariate(10) for _ in range(8)], [7, 4, 7, 6, 7, 5, 7, 8])
        self.assertEqual([r.binomialvariate(100, 0.05) for _ in range(5)], [6, 7, 1, 6, 4])
        self.assertEqual([r.binomialvariate(100, 0.95) for _ in range(5)], [100, 98, 98, 95, 94])
        self.assertEqual([r.binomialvariate(10000, 0.5) for _ in range(3)], [4900, 4919, 5007])
        self.assertEqual(
            [r.binomialvariate(5, 0.0), r.binomialvariate(5, 1.0), r.binomialvariate(0, 0.5)],
            [0, 5, 0])

    def test_module_level_functions(self):
        random.seed(53)
        self.assertEqual(
            [random.random(), random.randint(1, 6), random.choice('abc'), random.uniform(1, 2)],
            [0.6171414766699522, 2, 'b', 1.5020637490705009])
        self.assertEqual(random.sample(range(10), 3), [7, 8, 5])
        x = list(range(6))
        random.shuffle(x)
        self.assertEqual(x, [1, 2, 4, 0, 3, 5])
        self.assertEqual(random.getrandbits(20), 1025030)
        self.assertEqual(random.randbytes(3), b'\xcf9\xff')
        self.assertEqual(random.choices('ab', [1, 3], k=4), ['b', 'a', 'b', 'a'])
        self.assertEqual(random.binomialvariate(7, 0.5), 1)
        self.assertEqual(random.gauss(1, 1), 1.166303191215573)

    def test_subclass_random_override(self):
        class Half(random.Random):
            def random(self):
                return 0.25
        h = Half(1)
        self.assertEqual(
            [h.uniform(0, 8), h.triangular(0, 8), h.expovariate(1.0)],
            [2.0, 2.8284271247461903, 0.2876820724517809])
        self.assertEqual(h.choices('abcd', k=3), ['b', 'b', 'b'])

    def test_subclass_getrandbits(self):
        class Counter(random.Random):
            def __init__(self):
                super().__init__(0)
                self.calls = []
            def getrandbits(self, k):
                self.calls.append(k)
                return super().getrandbits(k)
        c = Counter()
        self.assertEqual(c.randrange(100), 49)
        self.assertEqual(c.calls, [7, 7])
        self.assertEqual(c.randbytes(3), b'L\t\xc2')


class ErrorTests(unittest.TestCase):

    def test_randrange_errors(self):
        r = random.Random(1)
        with self.assertRaises(ValueError) as cm:
            r.randrange(0)
        self.assertEqual(str(cm.exception), 'empty range for randrange()')
        with self.assertRaises(ValueError) as cm:
            r.randrange(-5)
        self.assertEqual(str(cm.exception), 'empty range for randrange()')
        with self.assertRaises(ValueError) as cm:
            r.randrange(5, 5)
        self.assertEqual(str(cm.exception), 'empty range in randrange(5, 5)')
        with self.assertRaises(ValueError) as cm:
            r.randrange(10, 1)
        self.assertEqual(str(cm.exception), 'empty range in randrange(10, 1)')
        with self.assertRaises(ValueError) as cm:
            r.randrange(0, 10, 0)
        self.assertEqual(str(cm.exception), 'zero step for randrange()')
        with self.assertRaises(ValueError) as cm:
            r.randrange(0, 10, -1)
        self.assertEqual(str(cm.exception), 'empty range in randrange(0, 10, -1)')
        with self.assertRaises(TypeError) as cm:
            r.randrange(1.5)
        self.assertEqual(str(cm.exception), "'float' object cannot be interpreted as an integer")
        with self.assertRaises(TypeError) as cm:
            r.randrange(0, 2.5)
        self.assertEqual(str(cm.exception), "'float' object cannot be interpreted as an integer")
        with self.assertRaises(TypeError) as cm:
            r.randrange(0, 10, 1.5)
        self.assertEqual(str(cm.exception), "'float' object cannot be interpreted as an integer")
        with self.assertRaises(TypeError) as cm:
            r.randrange('5')
        self.assertEqual(str(cm.exception), "'str' object cannot be interpreted as an integer")

    def test_randint_errors(self):
        r = random.Random(1)
        with self.assertRaises(ValueError) as cm:
            r.randint(5, 1)
        self.assertEqual(str(cm.exception), 'empty range in randrange(5, 2)')
        with self.assertRaises(TypeError) as cm:
            r.randint(1.5, 3)
        self.assertEqual(str(cm.exception), "'float' object cannot be interpreted as an integer")

    def test_choice_and_sample_errors(self):
        r = random.Random(1)
        with self.assertRaises(IndexError) as cm:
            r.choice([])
        self.assertEqual(str(cm.exception), 'Cannot choose from an empty sequence')
        with self.assertRaises(IndexError) as cm:
            r.choice('')
        self.assertEqual(str(cm.exception), 'Cannot choose from an empty sequence')
        with self.assertRaises(ValueError) as cm:
            r.sample(range(3), 4)
        self.assertEqual(str(cm.exception), 'Sample larger than population or is negative')
        with self.assertRaises(ValueError) as cm:
            r.sample(range(3), -1)
        self.assertEqual(str(cm.exception), 'Sample larger than population or is negative')
        with self.assertRaises(TypeError) as cm:
            r.sample({1, 2, 3}, 2)
        self.assertEqual(
            str(cm.exception),
            'Population must be a sequence.  For dicts or sets, use sorted(d).')
        with self.assertRaises(ValueError) as cm:
            r.sample('abc', 2, counts=[1, 1])
        self.assertEqual(str(cm.exception), 'The number of counts does not match the population')
        with self.assertRaises(ValueError) as cm:
            r.sample('abc', 2, counts=[0, 0, 0])
        self.assertEqual(str(cm.exception), 'Total of counts must be greater than zero')
        self.assertEqual(r.sample('abc', 2, counts=[1, -1, 2]), ['c', 'c'])
        with self.assertRaises(TypeError):
            r.sample('abc', 2, counts=5)

    def test_choices_errors(self):
        r = random.Random(1)
        with self.assertRaises(ValueError) as cm:
            r.choices('ab', weights=[1, 2, 3])
        self.assertEqual(str(cm.exception), 'The number of weights does not match the population')
        with self.assertRaises(ValueError) as cm:
            r.choices('ab', cum_weights=[1])
        self.assertEqual(str(cm.exception), 'The number of weights does not match the population')
        with self.assertRaises(TypeError) as cm:
            r.choices('ab', weights=[1, 1], cum_weights=[1, 2])
        self.assertEqual(str(cm.exception), 'Cannot specify both weights and cumulative weights')
        with self.assertRaises(ValueError) as cm:
            r.choices('ab', weights=[0, 0])
        self.assertEqual(str(cm.exception), 'Total of weights must be greater than zero')
        with self.assertRaises(ValueError) as cm:
            r.choices('ab', weights=[1, float('inf')])
        self.assertEqual(str(cm.exception), 'Total of weights must be finite')
        with self.assertRaises(ValueError) as cm:
            r.choices('ab', weights=[-1, -1])
        self.assertEqual(str(cm.exception), 'Total of weights must be greater than zero')
        with self.assertRaises(IndexError) as cm:
            r.choices([], k=2)
        self.assertEqual(str(cm.exception), 'list index out of range')

    def test_distribution_errors(self):
        r = random.Random(1)
        with self.assertRaises(ValueError) as cm:
            r.gammavariate(0, 1)
        self.assertEqual(str(cm.exception), 'gammavariate: alpha and beta must be > 0.0')
        with self.assertRaises(ValueError) as cm:
            r.gammavariate(1, -1)
        self.assertEqual(str(cm.exception), 'gammavariate: alpha and beta must be > 0.0')
        with self.assertRaises(ZeroDivisionError) as cm:
            r.expovariate(0)
        self.assertEqual(str(cm.exception), 'float division by zero')
        with self.assertRaises(ValueError) as cm:
            r.binomialvariate(-1)
        self.assertEqual(str(cm.exception), 'n must be non-negative')
        with self.assertRaises(ValueError) as cm:
            r.binomialvariate(5, 1.5)
        self.assertEqual(str(cm.exception), 'p must be in the range 0.0 <= p <= 1.0')
        with self.assertRaises(ValueError) as cm:
            r.binomialvariate(5, -0.1)
        self.assertEqual(str(cm.exception), 'p must be in the range 0.0 <= p <= 1.0')
        with self.assertRaises(ValueError) as cm:
            r.getrandbits(-1)
        self.assertEqual(str(cm.exception), 'number of bits must be non-negative')
        with self.assertRaises(ValueError) as cm:
            r.randbytes(-1)
        self.assertEqual(str(cm.exception), 'number of bits must be non-negative')
        with self.assertRaises(ValueError) as cm:
            r.betavariate(0, 1)
        self.assertEqual(str(cm.exception), 'gammavariate: alpha and beta must be > 0.0')
        with self.assertRaises(TypeError):
            r.getrandbits(1.5)


class SystemRandomTests(unittest.TestCase):

    def test_basics(self):
        s = random.SystemRandom()
        self.assertTrue(all(0.0 <= s.random() < 1.0 for _ in range(50)))
        self.assertTrue(all(1 <= s.randint(1, 6) <= 6 for _ in range(50)))
        self.assertEqual(len(s.randbytes(9)), 9)
        self.assertEqual(type(s.randbytes(9)).__name__, 'bytes')
        self.assertEqual(s.getrandbits(0), 0)
        self.assertTrue(all(0 <= s.getrandbits(5) < 32 for _ in range(50)))
        self.assertEqual(s.choice(['only']), 'only')
        self.assertEqual(sorted(s.sample(range(5), 5)), [0, 1, 2, 3, 4])
        self.assertTrue(isinstance(s, random.Random))

    def test_not_implemented(self):
        s = random.SystemRandom()
        self.assertIsNone(s.seed(123))
        with self.assertRaises(NotImplementedError) as cm:
            s.getstate()
        self.assertEqual(str(cm.exception), 'System entropy source does not have state.')
        with self.assertRaises(NotImplementedError) as cm:
            s.setstate(None)
        self.assertEqual(str(cm.exception), 'System entropy source does not have state.')
        with self.assertRaises(ValueError) as cm:
            s.getrandbits(-1)
        self.assertEqual(str(cm.exception), 'number of bits must be non-negative')
        with self.assertRaises(ValueError) as cm:
            s.randbytes(-1)
        self.assertEqual(str(cm.exception), 'negative argument not allowed')

    def test_module_namespace(self):
        self.assertTrue(all(hasattr(random, n) for n in random.__all__))
        self.assertIn('binomialvariate', random.__all__)
        self.assertEqual(random.Random.VERSION, 3)
        self.assertEqual(random.BPF, 53)
        self.assertEqual(random.RECIP_BPF, 1.1102230246251565e-16)
        self.assertEqual(random.TWOPI, 2 * 3.141592653589793)


class CopyPickleTests(unittest.TestCase):

    def test_pickle_and_copy_random(self):
        import pickle, copy
        r = random.Random(77)
        r.random()
        r2 = pickle.loads(pickle.dumps(r))
        self.assertIs(type(r2), random.Random)
        self.assertEqual([r2.random() for _ in range(3)], [r.random() for _ in range(3)])
        r3 = copy.copy(r)
        self.assertEqual(r3.random(), r.random())
        r4 = copy.deepcopy(r)
        self.assertEqual(r4.getrandbits(40), r.getrandbits(40))
        self.assertIs(r.__reduce__()[0], random.Random)

    def test_subclass_without_getrandbits(self):
        class OnlyRandom(random.Random):
            def __init__(self):
                super().__init__(5)
                self.values = iter([0.1, 0.5, 0.9, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 0.05])
            def random(self):
                return next(self.values)
        o = OnlyRandom()
        self.assertEqual([o.randrange(10), o.randrange(3), o.randint(1, 100)], [9, 1, 94])
        self.assertEqual(o.choice('abcdefghij'), 'h')
        x = [1, 2, 3]
        o.shuffle(x)
        self.assertEqual(x, [3, 1, 2])

    def test_seed_versions_int(self):
        r = random.Random()
        r.seed(10, version=1)
        a = r.random()
        r.seed(10, version=2)
        self.assertEqual(a, r.random())
        self.assertEqual(a, 0.5714025946899135)
        r.seed(-10)
        b = r.random()
        r.seed(10)
        self.assertEqual(b, r.random())

    def test_getrandbits_word_boundaries(self):
        r = random.Random(101)
        self.assertEqual(
            [r.getrandbits(n) for n in (31, 32, 33, 63, 64, 96, 97)],
            [1248014694,
             3638342495,
             5131431474,
             4973492152032735815,
             6616380948609611686,
             52565560047088346202901997197,
             47698747389276126621290902992])
        self.assertTrue(r.getrandbits(200).bit_length() <= 200)
        r.seed(101)
        self.assertEqual(r.getrandbits(32), random.Random(101).getrandbits(32))

    def test_large_population_sample_and_choices(self):
        r = random.Random(103)
        self.assertEqual(
            r.sample(range(10**6), 6),
            [748992, 478463, 979588, 753765, 730304, 770584])
        self.assertEqual(r.sample(range(40), k=30)[:10], [13, 4, 7, 24, 29, 21, 37, 31, 5, 38])
        self.assertEqual(
            r.choices(range(100), cum_weights=list(range(1, 101)), k=6),
            [24, 36, 58, 94, 61, 47])
        self.assertEqual(
            r.sample(['a', 'b', 'c'], counts=[100, 200, 300], k=8),
            ['b', 'b', 'b', 'c', 'c', 'c', 'b', 'c'])
        self.assertEqual(
            r.choices(['x', 'y'], weights=[0.25, 0.75], k=12),
            ['y', 'y', 'x', 'y', 'y', 'x', 'y', 'x', 'y', 'y', 'x', 'y'])

    def test_shuffle_long_and_gauss_pairs(self):
        r = random.Random(107)
        x = list(range(30))
        r.shuffle(x)
        self.assertEqual(
            x,
            [29,
             16,
             28,
             6,
             14,
             1,
             12,
             2,
             27,
             5,
             20,
             10,
             11,
             0,
             22,
             26,
             8,
             3,
             17,
             25,
             4,
             9,
             15,
             13,
             21,
             23,
             24,
             18,
             19,
             7])
        self.assertEqual(
            [r.gauss(0, 1) for _ in range(4)],
            [1.89195489812777, 1.6331656290496304, 0.5943910241136663, 0.24983967440681])
        r.seed(107)
        r.random()
        self.assertIsNone(r.gauss_next)


class LowLevelTests(unittest.TestCase):

    def test_underlying_generator(self):
        import _random
        r = _random.Random(5)
        self.assertEqual(r.getrandbits(10), 637)
        self.assertEqual(len(r.getstate()), 625)
        self.assertEqual(r.getstate()[-1], 1)
        with self.assertRaises(OverflowError) as cm:
            r.getrandbits(2**70)
        self.assertEqual(str(cm.exception), 'Python int too large to convert to C int')
        with self.assertRaises(TypeError):
            r.getrandbits('a')
        with self.assertRaises(TypeError) as cm:
            r.setstate(5)
        self.assertEqual(str(cm.exception), 'state vector must be a tuple')
        self.assertIsNone(r.setstate((1,) * 625))
        with self.assertRaises(ValueError) as cm:
            r.setstate((1,) * 624 + (625,))
        self.assertEqual(str(cm.exception), 'invalid state')
        self.assertIsNone(r.setstate((1,) * 624 + (624,)))
        with self.assertRaises(OverflowError) as cm:
            r.setstate((-1,) * 625)
        self.assertEqual(str(cm.exception), "can't convert negative value to unsigned int")
        with self.assertRaises(ValueError) as cm:
            r.setstate((2**32,) * 625)
        self.assertEqual(str(cm.exception), 'invalid state')
        with self.assertRaises(TypeError) as cm:
            r.seed([1])
        self.assertEqual(str(cm.exception), "unhashable type: 'list'")
        self.assertIs(random.Random.__mro__[1], _random.Random)

    def test_constructor_arguments(self):
        with self.assertRaises(TypeError) as cm:
            random.Random(1, 2)
        self.assertEqual(
            str(cm.exception),
            'Random.__init__() takes from 1 to 2 positional arguments but 3 were given')
        self.assertEqual(random.Random(x=5).random(), random.Random(5).random())
        class S(random.Random):
            def __init__(self, a, b=2):
                super().__init__(a)
                self.b = b
        s = S(1, b=3)
        self.assertEqual((s.b, s.random() == random.Random(1).random()), (3, True))

    def test_special_float_seeds(self):
        self.assertEqual(random.Random(12.0).random(), random.Random(12.0).random())
        self.assertEqual(random.Random(2**200).random(), 0.5691790390193565)
        self.assertEqual(random.Random(-2**200).random(), 0.5691790390193565)
        self.assertEqual(random.Random(float('inf')).random(), 0.19236379321481523)


class EdgeCaseTests(unittest.TestCase):

    def test_distributions_and_arguments(self):
        r = random.Random(2025)
        self.assertEqual(repr(r.triangular(3, 3)), '3.0')
        self.assertEqual(repr(r.triangular(5, 1)), '2.6832233059017914')
        self.assertEqual(repr(r.triangular(1, 5, 10)), '5.146543586016928')
        self.assertEqual(repr(r.vonmisesvariate(1, 1e-7)), '1.0887799651754289')
        self.assertEqual(repr(r.vonmisesvariate(-1, 2)), '4.458297775475772')
        self.assertEqual(repr(r.gammavariate(0.5, 0.5)), '0.0013171504880540872')
        self.assertEqual(repr(r.gammavariate(1e-3, 1)), '1.8749834552899588e-08')
        self.assertEqual(repr(r.normalvariate(0, 0)), '0.0')
        self.assertEqual(repr(r.gauss(0, 0)), '0.0')
        self.assertEqual(repr(r.lognormvariate(0, 0)), '1.0')
        with self.assertRaises(ZeroDivisionError) as cm:
            r.paretovariate(0)
        self.assertEqual(str(cm.exception), 'float division by zero')
        with self.assertRaises(ZeroDivisionError) as cm:
            r.weibullvariate(1, 0)
        self.assertEqual(str(cm.exception), 'float division by zero')
        self.assertEqual(repr(r.expovariate(-2)), '-0.3949755028358375')
        self.assertEqual(repr(r.uniform(1, 1)), '1.0')
        self.assertEqual(repr(r.uniform(2, 5)), '2.7303558946953976')
        self.assertEqual(repr(r.binomialvariate(0)), '0')
        self.assertEqual(repr(r.binomialvariate(1.5)), '1')
        self.assertEqual(repr(r.binomialvariate(3, 0.5)), '2')
        self.assertEqual(repr(r.binomialvariate(10**6, 1e-6)), '0')
        self.assertEqual(repr(r.binomialvariate(10**6, 0.999999)), '999997')
        self.assertEqual(repr(r.binomialvariate(1, 0.3)), '0')
        self.assertEqual(repr(r.randrange(10**400) < 10**400), 'True')
        self.assertEqual(repr(r.getrandbits(10**5).bit_length() <= 10**5), 'True')
        self.assertEqual(repr(r.choices('abc', k=-1)), '[]')
        self.assertEqual(repr(r.choices('abc', k=0)), '[]')
        with self.assertRaises(TypeError) as cm:
            r.sample({}.keys(), 0)
        self.assertEqual(
            str(cm.exception),
            'Population must be a sequence.  For dicts or sets, use sorted(d).')
        with self.assertRaises(TypeError) as cm:
            r.shuffle('abc')
        self.assertEqual(str(cm.exception), "'str' object does not support item assignment")
        with self.assertRaises(TypeError) as cm:
            r.shuffle((1, 2))
        self.assertEqual(str(cm.exception), "'tuple' object does not support item assignment")
        with self.assertRaises(IndexError) as cm:
            r.choice({})
        self.assertEqual(str(cm.exception), 'Cannot choose from an empty sequence')
        self.assertEqual(repr(r.choice({0: 'a'})), "'a'")
        with self.assertRaises(IndexError) as cm:
            r.choice(range(0))
        self.assertEqual(str(cm.exception), 'Cannot choose from an empty sequence')
        self.assertEqual(repr(r.randint(0, 0)), '0')
        self.assertEqual(repr(r.randint(-10**20, -10**20 + 1)), '-99999999999999999999')
        self.assertEqual(repr(r.randrange(0, -10, -3)), '0')
        self.assertEqual(repr(r.randrange(1, 2, 5)), '1')
        self.assertEqual(repr(r.randrange(True)), '0')
        with self.assertRaises(TypeError) as cm:
            r.randrange(5, step=2)
        self.assertEqual(str(cm.exception), 'Missing a non-None stop argument')
        with self.assertRaises(TypeError) as cm:
            r.randrange(5, None, 2)
        self.assertEqual(str(cm.exception), 'Missing a non-None stop argument')
        with self.assertRaises(TypeError) as cm:
            r.sample(range(5), k=5.0)
        self.assertEqual(str(cm.exception), "can't multiply sequence by non-int of type 'float'")
        with self.assertRaises(TypeError) as cm:
            r.choices(range(3), k=2.0)
        self.assertEqual(str(cm.exception), "'float' object cannot be interpreted as an integer")
        self.assertEqual(repr(r.getrandbits(True)), '0')
        with self.assertRaises(TypeError) as cm:
            r.randbytes(2.0)
        self.assertEqual(str(cm.exception), "'float' object cannot be interpreted as an integer")
        self.assertEqual(repr(r.expovariate(lambd=0.25)), '0.3392441310277952')
        self.assertEqual(
            repr(random.Random(5).choices([1, 2, 3], weights=[1, 2, 3], k=10)),
            '[3, 3, 3, 3, 3, 3, 1, 2, 3, 3]')
        self.assertEqual(
            repr(random.Random(5).choices([1, 2, 3], cum_weights=(0.5, 0.75, 1.0), k=10)),
            '[2, 2, 3, 3, 2, 3, 1, 1, 3, 2]')
        self.assertEqual(
            repr(random.Random(5).choices('ab', weights=iter([1, 2]), k=3)),
            "['b', 'b', 'b']")
        self.assertEqual(
            repr(random.Random(5).sample(range(100), counts=None, k=3)),
            '[79, 32, 94]')
        self.assertEqual(
            repr(random.Random(5).sample('abc', k=2, counts=iter([1, 1, 1]))),
            "['c', 'b']")
        with self.assertRaises(TypeError) as cm:
            random.Random(5).sample('abc', k=2, counts=[1.0, 1, 1])
        self.assertEqual(str(cm.exception), 'Counts must be integers')
        self.assertEqual(repr(random.Random(5).uniform(a=1, b=2)), '1.622901694889702')
        self.assertEqual(repr(random.Random(5).gauss(mu=1, sigma=2)), '-1.3576835024613434')
        self.assertEqual(repr(random.Random(5).normalvariate(mu=1, sigma=2)), '2.633080145342392')
        self.assertEqual(
            repr(random.Random(5).triangular(low=0, high=1, mode=0.5)),
            '0.5657775310337465')


class ThreadTests(unittest.TestCase):

    def test_shared_generator_across_threads(self):
        import threading
        r = random.Random(11)
        results = []
        lock = threading.Lock()
        def work():
            local = [r.random() for _ in range(500)] + [r.getrandbits(70) for _ in range(100)]
            with lock:
                results.extend(local)
        threads = [threading.Thread(target=work) for _ in range(4)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        self.assertEqual(len(results), 2400)
        self.assertTrue(all(0 <= v < 1 for v in results if isinstance(v, float)))
        self.assertTrue(all(0 <= v < 2**70 for v in results if isinstance(v, int)))
        # Whatever the interleaving, the state moved by the same number of 32-bit words
        # (2 per random(), 3 per getrandbits(70)) as one thread doing all the calls.
        ref = random.Random(11)
        _ = [ref.random() for _ in range(2000)] + [ref.getrandbits(70) for _ in range(400)]
        self.assertEqual(r.getstate(), ref.getstate())


class CommandLineTests(unittest.TestCase):

    def test_main_function(self):
        results = []
        arg_lists = (['-c', 'a', 'b', 'c'], ['-i', '6'], ['-f', '2.5'], ['5'], ['2.5'],
                     ['x', 'y'], ['0'], ['-3'], ['abc'], ['1e3'], ['--choice', 'p', 'q'],
                     ['--integer', '100'])
        for args in arg_lists:
            random.seed(1)
            results.append(random.main(args))
        self.assertEqual(
            results,
            ['a',
             2,
             0.33591061028100305,
             2,
             0.33591061028100305,
             'x',
             0.0,
             -0.40309273233720366,
             'abc',
             134.36424411240122,
             'p',
             18])
        # Without input: the help text (its layout depends on the terminal width).
        text = random.main([])
        self.assertTrue(text.startswith('usage: '))
        self.assertEqual(
            [line.strip() for line in text.splitlines() if ': same as --' in line],
            ['string or multiple: same as --choice',
             'integer: same as --integer',
             'float: same as --float'])
        self.assertIn('print a random integer between 1 and N inclusive', text)

    def test_main_errors(self):
        import contextlib
        import io
        def run(args):
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                try:
                    random.main(args)
                except SystemExit as e:
                    return e.code, err.getvalue().splitlines()[-1].partition(' error: ')[2]
        self.assertEqual(run(['-c']), (2, 'argument -c/--choice: expected at least one argument'))
        self.assertEqual(
            run(['-i', '3', '-f', '2']),
            (2, 'argument -f/--float: not allowed with argument -i/--integer'))
        self.assertEqual(run(['-i', 'x']), (2, "argument -i/--integer: invalid int value: 'x'"))
        self.assertEqual(run(['-f', 'y']), (2, "argument -f/--float: invalid float value: 'y'"))

    def test_bare_generator_cannot_be_copied(self):
        import _random
        import copy
        with self.assertRaises(TypeError) as cm:
            copy.copy(_random.Random(1))
        self.assertEqual(str(cm.exception), "cannot pickle '_random.Random' object")
        self.assertEqual(copy.copy(random.Random(1)).random(), random.Random(1).random())


if __name__ == '__main__':
    unittest.main()
