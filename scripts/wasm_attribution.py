#!/usr/bin/env python3
"""Where the wasm's code bytes go: function body sizes grouped by crate (and by module for this
crate), read from the `name` section of the release wasm cargo leaves before wasm-bindgen and
wasm-opt. Sizes are before wasm-opt, so they are shares, not the shipped bytes.

Usage: scripts/wasm_attribution.py [target/wasm32-unknown-unknown/release/backprep.wasm] [--top N]
(`trunk build --release` leaves that file; with --top, also the N largest functions).
"""
import re
import sys
from collections import Counter


def leb(data, i):
    result = shift = 0
    while True:
        b = data[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def sections(data):
    i = 8
    while i < len(data):
        sid = data[i]
        size, i = leb(data, i + 1)
        yield sid, data[i:i + size]
        i += size


def function_names(payload):
    """Function index -> name, from the `name` custom section (subsection 1)."""
    name_len, i = leb(payload, 0)
    i += name_len
    names = {}
    while i < len(payload):
        kind = payload[i]
        size, i = leb(payload, i + 1)
        end = i + size
        if kind == 1:
            count, j = leb(payload, i)
            for _ in range(count):
                idx, j = leb(payload, j)
                length, j = leb(payload, j)
                names[idx] = payload[j:j + length].decode('utf-8', 'replace')
                j += length
        i = end
    return names


def imported_functions(payload):
    count, i = leb(payload, 0)
    funcs = 0
    for _ in range(count):
        for _ in range(2):
            length, i = leb(payload, i)
            i += length
        kind = payload[i]
        i += 1
        if kind == 0:
            _, i = leb(payload, i)
            funcs += 1
        elif kind == 1:
            i += 1
            flags, i = leb(payload, i)
            _, i = leb(payload, i)
            if flags & 1:
                _, i = leb(payload, i)
        elif kind == 2:
            flags, i = leb(payload, i)
            _, i = leb(payload, i)
            if flags & 1:
                _, i = leb(payload, i)
        elif kind == 3:
            i += 2
    return funcs


def body_sizes(payload):
    count, i = leb(payload, 0)
    sizes = []
    for _ in range(count):
        size, i = leb(payload, i)
        sizes.append(size)
        i += size
    return sizes


ESCAPES = {'$LT$': '<', '$GT$': '>', '$u20$': ' ', '$C$': ',', '$RF$': '&', '$BP$': '*',
           '$SP$': '@', '$u7b$': '{', '$u7d$': '}', '$u5b$': '[', '$u5d$': ']', '$u27$': "'",
           '$u3b$': ';', '$u22$': '"', '$LP$': '(', '$RP$': ')', '..': '::'}
V0_CRATE = re.compile(r'C(?:s[0-9a-zA-Z]*_)?(\d+)([A-Za-z_][A-Za-z0-9_]*)')


def demangle(name):
    """Legacy `_ZN…E` Rust symbols to paths (hash dropped); v0 `_R…` symbols to their first crate."""
    if name.startswith('_ZN'):
        i, parts = 3, []
        while i < len(name) and name[i].isdigit():
            j = i
            while name[j].isdigit():
                j += 1
            n = int(name[i:j])
            parts.append(name[j:j + n])
            i = j + n
        if parts and re.fullmatch(r'h[0-9a-f]{16}', parts[-1]):
            parts.pop()
        text = '::'.join(p[1:] if p.startswith('_$') else p for p in parts)
        for k, v in ESCAPES.items():
            text = text.replace(k, v)
        return text
    if name.startswith('_R'):
        m = V0_CRATE.search(name)
        if m:
            return m.group(2)[:int(m.group(1))] + '::…'
    return name


def owner(name):
    """The crate a function belongs to; for this crate, the crate and its module."""
    name = demangle(name)
    # `<Type as Trait>::f` belongs to the type's crate, or to the trait's when the type is a bare
    # generic parameter (`<T as tachys::view::Render>` is tachys' code, monomorphised).
    text = name
    m = re.match(r'<([A-Za-z_][A-Za-z0-9_]*)(?:<.*?>)? as ([^<>]+?)(?:<.*)?>::', text)
    if m and '::' not in m.group(1):
        text = m.group(2)
    elif text.startswith('<'):
        text = text[1:]
    text = text.lstrip('&*')
    for prefix in ('mut ', 'dyn ', 'const '):
        if text.startswith(prefix):
            text = text[len(prefix):]
    parts = re.split(r'::|<| as |\s', text)
    crate = parts[0] if parts and parts[0] else '?'
    if crate == 'backprep' and len(parts) > 1:
        module = parts[1]
        if module in ('pages', 'components', 'bank') and len(parts) > 2:
            module += '::' + parts[2]
        return 'backprep::' + module
    return crate


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    top = 0
    if '--top' in sys.argv:
        top = int(sys.argv[sys.argv.index('--top') + 1])
        args = [a for a in args if a != str(top)]
    path = args[0] if args else 'target/wasm32-unknown-unknown/release/backprep.wasm'
    try:
        data = open(path, 'rb').read()
    except OSError as e:
        sys.exit(f'{path}: {e.strerror}; build it first with `make dist` (trunk build --release)')
    names, imports, sizes, data_bytes = {}, 0, [], 0
    for sid, payload in sections(data):
        if sid == 0:
            length, j = leb(payload, 0)
            if payload[j:j + length] == b'name':
                names = function_names(payload)
        elif sid == 2:
            imports = imported_functions(payload)
        elif sid == 10:
            sizes = body_sizes(payload)
        elif sid == 11:
            data_bytes = len(payload)
    if not names:
        sys.exit(f'{path} has no name section (built with strip?)')
    by_owner = Counter()
    functions = []
    for k, size in enumerate(sizes):
        name = names.get(imports + k, f'func{imports + k}')
        by_owner[owner(name)] += size
        functions.append((size, name))
    total = sum(sizes)
    print(f'{path}: code {total:,} B in {len(sizes):,} functions; data {data_bytes:,} B (before wasm-opt)')
    for who, size in by_owner.most_common(40):
        print(f'{size:>10,} B {100 * size / total:5.1f}%  {who}')
    if top:
        print(f'\nlargest {top} functions:')
        for size, name in sorted(functions, reverse=True)[:top]:
            print(f'{size:>10,} B  {demangle(name)[:150]}')


if __name__ == '__main__':
    main()
