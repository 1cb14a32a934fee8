#!/usr/bin/env python3
"""Writes N copies of a PDB file's ATOM/HETATM records, side by side on a cubic grid, as one mmCIF file: a huge
but realistic structure for memory and time measurements (docs/speed.md). Copy k's chains are named <chain><k>.

    tools/tile-structure.py examples/1fbl.pdb 101 huge300k.cif      # 101 copies of 1FBL = 299,566 atoms
"""
import math
import sys


def atoms(pdb):
    out = []
    with open(pdb) as f:
        for line in f:
            if line.startswith(("ATOM  ", "HETATM")):
                element = line[76:78].strip() or line[12:14].strip()[0]
                out.append((line[0:6].strip(), line[12:16].strip(), line[17:20].strip(), line[21].strip() or "A",
                            int(line[22:26]), line[26].strip() or "?", float(line[30:38]), float(line[38:46]),
                            float(line[46:54]), float(line[54:60] or 1), float(line[60:66] or 0), element))
    return out


def main(pdb, copies, out):
    records = atoms(pdb)
    lo = [min(r[6 + i] for r in records) for i in range(3)]
    hi = [max(r[6 + i] for r in records) for i in range(3)]
    step = max(h - l for h, l in zip(hi, lo)) + 10.0  # 10 Å apart: copies never touch
    side = math.ceil(copies ** (1 / 3))
    serial = 0
    with open(out, "w") as f:
        f.write("data_tiled\n#\nloop_\n")
        for name in ("group_PDB", "id", "type_symbol", "label_atom_id", "label_alt_id", "label_comp_id",
                     "label_asym_id", "label_entity_id", "label_seq_id", "pdbx_PDB_ins_code", "Cartn_x", "Cartn_y",
                     "Cartn_z", "occupancy", "B_iso_or_equiv", "auth_seq_id", "auth_asym_id", "pdbx_PDB_model_num"):
            f.write("_atom_site." + name + "\n")
        for k in range(copies):
            shift = (k % side * step, k // side % side * step, k // (side * side) * step)
            for (group, atom, residue, chain, seq, ins, x, y, z, occ, b, element) in records:
                serial += 1
                c = f"{chain}{k}"
                f.write(f"{group} {serial} {element} \"{atom}\" . {residue} {c} 1 {seq} {ins} "
                        f"{x + shift[0]:.3f} {y + shift[1]:.3f} {z + shift[2]:.3f} {occ:.2f} {b:.2f} {seq} {c} 1\n")
        f.write("#\n")
    print(f"{out}: {copies} copies, {serial} atoms")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
