#!/usr/bin/env python3
"""Which loops does a module enter with values on the operand stack?

An experiment, not part of the build (SIZE.md quotes its result). Chicory turns each wasm function
into a JVM method and the wasm value stack into the JVM operand stack, and HotSpot will not compile
a loop on stack replacement when the operand stack is not empty at its header. build.sh therefore
runs only wasm-opt passes that keep loop headers clear. This walks every function body of a
module (MVP opcodes plus bulk memory, no imports), tracks the stack height, and prints each loop
entered with values below it: 0 for the module build.sh makes, 7 for plain `wasm-opt -Oz`.

    python3 wasm-module/experiments/loop_stack.py MODULE.wasm
"""
import sys

def leb(b,i,signed=False):
    r=0;s=0
    while True:
        x=b[i];i+=1;r|=(x&0x7f)<<s;s+=7
        if not x&0x80: break
    if signed and (x&0x40): r-=1<<s
    return r,i
data=open(sys.argv[1],'rb').read()
i=8; sections={}
while i<len(data):
    sid=data[i];i+=1;size,i=leb(data,i);sections.setdefault(sid,[]).append((i,size));i+=size
# types
types=[]
o,_=sections[1][0];n,o=leb(data,o)
for _ in range(n):
    assert data[o]==0x60;o+=1
    np,o=leb(data,o);o+=np
    nr,o=leb(data,o);o+=nr
    types.append((np,nr))
# imports: none assumed
funcs=[]
o,_=sections[3][0];n,o=leb(data,o)
for _ in range(n):
    t,o=leb(data,o);funcs.append(t)
nglob=0
# effects (pop,push) for simple opcodes
E={}
for op in range(0x28,0x36): E[op]=(1,1)   # loads
for op in range(0x36,0x3f): E[op]=(2,0)   # stores
E[0x3f]=(0,1);E[0x40]=(1,1)
for op in (0x41,0x42,0x43,0x44): E[op]=(0,1)
E[0x45]=(1,1)
for op in range(0x46,0x50): E[op]=(2,1)
E[0x50]=(1,1)
for op in range(0x51,0x5b): E[op]=(2,1)
for op in range(0x5b,0x61): E[op]=(2,1)
for op in range(0x61,0x67): E[op]=(2,1)
for op in (0x67,0x68,0x69): E[op]=(1,1)
for op in range(0x6a,0x79): E[op]=(2,1)
for op in (0x79,0x7a,0x7b): E[op]=(1,1)
for op in range(0x7c,0x8b): E[op]=(2,1)
for op in range(0x8b,0x92): E[op]=(1,1)
for op in range(0x92,0x99): E[op]=(2,1)
for op in range(0x99,0xa0): E[op]=(1,1)
for op in range(0xa0,0xa7): E[op]=(2,1)
for op in range(0xa7,0xc5): E[op]=(1,1)
bad=0;loops=0
o,_=sections[10][0];n,o=leb(data,o)
for fi in range(n):
    size,o=leb(data,o);end=o+size;p=o
    nl,p=leb(data,p)
    for _ in range(nl):
        c,p=leb(data,p);p+=1
    h=0;stack=[] # (height at entry, result count, kind)
    unreach=False
    while p<end:
        op=data[p];p+=1
        def bt():
            global p
            t=data[p]
            if t==0x40: p+=1; return 0,0
            if t in (0x7f,0x7e,0x7d,0x7c,0x7b,0x70,0x6f): p+=1; return 0,1
            x,p2=leb(data,p,True); p=p2; return types[x]
        if op in (0x02,0x03,0x04):
            if op==0x04: h-=1
            np_,nr=bt()
            if op==0x03:
                loops+=1
                if h-np_>0 and not unreach:
                    bad+=1; print(f"func {fi}: loop at +{p-o} with {h-np_} value(s) below it")
            stack.append((h-np_,nr,op,unreach))
        elif op==0x05:
            b0,nr,k,u=stack[-1]; h=b0+0; 
            # params ignored (mvp)
            unreach=u
        elif op==0x0b:
            if not stack: break
            b0,nr,k,u=stack.pop(); h=b0+nr; unreach=u
        elif op==0x0c:
            _,p=leb(data,p); unreach=True
        elif op==0x0d:
            _,p=leb(data,p); h-=1
        elif op==0x0e:
            c,p=leb(data,p)
            for _ in range(c+1): _,p=leb(data,p)
            unreach=True
        elif op==0x0f: unreach=True
        elif op==0x00: unreach=True
        elif op==0x01: pass
        elif op==0x10:
            f,p=leb(data,p); np_,nr=types[funcs[f]]; h+=nr-np_
        elif op==0x11:
            t,p=leb(data,p); _,p=leb(data,p); np_,nr=types[t]; h+=nr-np_-1
        elif op==0x1a: h-=1
        elif op==0x1b: h-=2
        elif op==0x20: _,p=leb(data,p); h+=1
        elif op==0x21: _,p=leb(data,p); h-=1
        elif op==0x22: _,p=leb(data,p)
        elif op==0x23: _,p=leb(data,p); h+=1
        elif op==0x24: _,p=leb(data,p); h-=1
        elif 0x28<=op<=0x3e:
            _,p=leb(data,p); _,p=leb(data,p); a,b=E[op]; h+=b-a
        elif op in (0x3f,0x40):
            p+=1; a,b=E[op]; h+=b-a
        elif op==0x41: _,p=leb(data,p,True); h+=1
        elif op==0x42: _,p=leb(data,p,True); h+=1
        elif op==0x43: p+=4; h+=1
        elif op==0x44: p+=8; h+=1
        elif op in E: a,b=E[op]; h+=b-a
        elif op==0xfc:
            sub,p=leb(data,p)
            if sub<=7: h+=0  # trunc_sat: pop1 push1
            elif sub==8: _,p=leb(data,p); p+=1; h-=3
            elif sub==9: _,p=leb(data,p)
            elif sub==10: p+=2; h-=3
            elif sub==11: p+=1; h-=3
            else: raise Exception(f"fc {sub}")
        else: raise Exception(f"op {op:#x} in func {fi}")
        if unreach: h=max(h,0)
    o=end
print(f"{loops} loops, {bad} with values below them on the stack")
