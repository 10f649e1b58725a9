//! The guest's heap: one `talc` allocator over linear memory, serving Lua (through
//! [`lua_alloc`]), C (`malloc`/`realloc`/`free`) and Rust (`#[global_allocator]`).
//!
//! Memory layout (wasm-ld with `--stack-first`, see build.rs):
//!
//! ```text
//! 0 ............ STACK_SIZE ........ __heap_base ..................... memory end
//! | shadow stack (grows down) | static data (I/O buffer, ...) | heap (talc) ...|
//! ```
//!
//! The heap first claims everything from `__heap_base` to the end of the initial 2 MB; when
//! that is exhausted it asks for more pages with `memory.grow`, which the host may refuse
//! (its memory limit): the allocation then fails, and Lua raises "not enough memory".
//! Lua's usage is counted exactly from the sizes Lua reports, for `get_memory_stats`.
//!
//! Small blocks (up to [`SMALL_MAX`] bytes, most of what Lua allocates: strings, closures,
//! table nodes, call frames) go through a free list per 8-byte size class in front of
//! talc, as glibc's tcache does for native Lua: a block freed is kept on its class's list
//! and handed out again by the next allocation of that class, without talc's bookkeeping
//! (it measured ~20% of the time of a small `compute`). Lua tells the size of every block
//! it frees, so the lists need no headers. The lists never cost memory: before the heap
//! grows (or fails), talc gets every listed block back and tries again.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::Cell;
use core::ffi::c_void;
use core::ptr::{self, NonNull};

use talc::base::binning::Binning;
use talc::base::Talc;
use talc::cell::TalcSyncCell;
use talc::source::Source;
use talc::wasm::WasmBinning;

const PAGE: usize = lua_wasm_abi::PAGE_SIZE;

/// Every block is aligned for any C type (max_align_t is 8 on wasm32 for our use).
const ALIGN: usize = 8;

extern "C" {
    /// Set by wasm-ld: the first byte after static data.
    static __heap_base: u8;
}

/// Claims the initial memory after static data on first use, then grows memory.
#[derive(Debug, Default)]
pub struct InitialThenGrow {
    end: Option<NonNull<u8>>,
}

// SAFETY: 'acquire' hands talc only memory that nothing else uses: the region after
// '__heap_base' (reserved by the linker for the heap) and pages fresh from memory.grow.
// It allocates nothing itself.
unsafe impl Source for InitialThenGrow {
    fn acquire<B: Binning>(talc: &mut Talc<Self, B>, layout: Layout) -> Result<(), ()> {
        // SAFETY: every listed block came from this talc with its class's layout.
        if unsafe { SMALL_BLOCKS.return_all(|block, layout| talc.deallocate(block, layout)) } {
            return Ok(()); // talc tries again with what it got back
        }
        let memory_end = core::arch::wasm32::memory_size(0) * PAGE;
        if talc.source.end.is_none() {
            // SAFETY: taking the address of a linker-provided symbol.
            let base = ptr::addr_of!(__heap_base) as usize;
            if base < memory_end {
                // SAFETY: [base, memory_end) is the linker's heap region, unused so far.
                talc.source.end = unsafe { talc.claim(base as *mut u8, memory_end - base) };
                if talc.source.end.is_some() {
                    return Ok(());
                }
            }
        }
        let needed = layout.size() + layout.align() + 64;
        let pages = needed.div_ceil(PAGE).max(1);
        let previous = core::arch::wasm32::memory_grow(0, pages);
        if previous == usize::MAX {
            return Err(());
        }
        let grown_base = (previous * PAGE) as *mut u8;
        let grown_end = (previous + pages) * PAGE;
        match talc.source.end {
            // SAFETY: the heap ends exactly where the new pages begin: extend it.
            Some(end) if end.as_ptr() == grown_base => {
                talc.source.end = Some(unsafe { talc.extend(end, grown_end as *mut u8) });
            }
            // SAFETY: the new pages are ours alone.
            _ => talc.source.end = unsafe { talc.claim(grown_base, pages * PAGE) },
        }
        Ok(())
    }
}

#[global_allocator]
static HEAP: TalcSyncCell<InitialThenGrow, WasmBinning> =
    TalcSyncCell::new_wasm(InitialThenGrow { end: None });

/// Bytes Lua has allocated and not freed (exact: Lua reports every block's size).
struct Usage(Cell<usize>);

// SAFETY: the guest is single-threaded wasm; there is no other thread to race with.
unsafe impl Sync for Usage {}

static LUA_BYTES: Usage = Usage(Cell::new(0));

/// Bytes currently allocated by Lua.
pub fn lua_bytes_in_use() -> usize {
    LUA_BYTES.0.get()
}

#[inline(always)]
fn layout(size: usize) -> Option<Layout> {
    Layout::from_size_align(size.max(1), ALIGN).ok()
}

/// Lua's allocator (`lua_Alloc`): `nsize == 0` frees, otherwise allocates or resizes.
/// A null result tells Lua the request failed, and Lua raises "not enough memory".
///
/// # Safety
/// `ptr` is null or a block this function returned, of `osize` bytes.
pub unsafe extern "C" fn lua_alloc(
    _ud: *mut c_void,
    ptr: *mut c_void,
    osize: usize,
    nsize: usize,
) -> *mut c_void {
    // When 'ptr' is null, 'osize' encodes the kind of object, not a size.
    let old = if ptr.is_null() { 0 } else { osize };
    let result = heap_realloc(ptr, old, nsize);
    if nsize == 0 || !result.is_null() {
        LUA_BYTES.0.set(LUA_BYTES.0.get() - old + nsize);
    }
    result
}

/// Frees when `nsize` is 0, allocates when `ptr` is null, resizes otherwise.
///
/// # Safety
/// `ptr` is null or a block this function returned, of `osize` bytes.
#[inline(always)]
unsafe fn heap_realloc(ptr: *mut c_void, osize: usize, nsize: usize) -> *mut c_void {
    if nsize == 0 {
        if !ptr.is_null() {
            release(ptr.cast(), osize);
        }
        return ptr::null_mut();
    }
    if ptr.is_null() {
        return obtain(nsize).cast();
    }
    match (size_class(osize), size_class(nsize)) {
        (Some(old), Some(new)) if old == new => ptr, // the block has room already
        (None, None) => match layout(osize) {
            Some(old) => HEAP.realloc(ptr.cast(), old, nsize).cast(),
            None => ptr::null_mut(),
        },
        _ => {
            let moved = obtain(nsize);
            if !moved.is_null() {
                ptr::copy_nonoverlapping(ptr.cast::<u8>(), moved, osize.min(nsize));
                release(ptr.cast(), osize);
            }
            moved.cast()
        }
    }
}

// The allocator's small functions are inlined by hand: the Rust half of the guest is
// built for size (opt-level "z"), which would otherwise leave each a call on the hottest
// path of every Lua allocation.

/// Largest block served from the size-class lists.
const SMALL_MAX: usize = 256;

/// Size classes are multiples of this (and blocks are aligned to it).
const GRANULE: usize = ALIGN;

const CLASSES: usize = SMALL_MAX / GRANULE;

/// The class of a block of `size` bytes, if it is small.
#[inline(always)]
fn size_class(size: usize) -> Option<usize> {
    if size <= SMALL_MAX {
        Some(size.max(1).div_ceil(GRANULE) - 1)
    } else {
        None
    }
}

/// The size of the blocks of class `class`, which talc allocates for it.
#[inline(always)]
fn class_layout(class: usize) -> Layout {
    // Cannot fail: a small multiple of ALIGN.
    Layout::from_size_align((class + 1) * GRANULE, ALIGN).unwrap()
}

/// A new block of `size` bytes (null when there is no memory for it).
#[inline(always)]
unsafe fn obtain(size: usize) -> *mut u8 {
    match size_class(size) {
        Some(class) => SMALL_BLOCKS
            .pop(class)
            .unwrap_or_else(|| HEAP.alloc(class_layout(class))),
        None => layout(size).map_or(ptr::null_mut(), |l| HEAP.alloc(l)),
    }
}

/// Frees a block of `size` bytes that [`obtain`] returned.
#[inline(always)]
unsafe fn release(block: *mut u8, size: usize) {
    match size_class(size) {
        Some(class) => SMALL_BLOCKS.push(class, block),
        None => HEAP.dealloc(block, layout(size).unwrap()),
    }
}

/// Freed small blocks, one singly linked list per class, linked through their first word.
struct SmallBlocks {
    heads: [Cell<*mut u8>; CLASSES],
    /// Whether any list holds a block (so that `return_all` is free when none does).
    any: Cell<bool>,
}

// SAFETY: the guest is single-threaded wasm.
unsafe impl Sync for SmallBlocks {}

static SMALL_BLOCKS: SmallBlocks = SmallBlocks {
    heads: [const { Cell::new(ptr::null_mut()) }; CLASSES],
    any: Cell::new(false),
};

impl SmallBlocks {
    /// A listed block of `class`, if there is one.
    ///
    /// # Safety
    /// Listed blocks are free and start with the link to the next one.
    #[inline(always)]
    unsafe fn pop(&self, class: usize) -> Option<*mut u8> {
        let block = self.heads[class].get();
        if block.is_null() {
            return None;
        }
        self.heads[class].set(block.cast::<*mut u8>().read());
        Some(block)
    }

    /// Lists `block`, a free block of `class` (at least one word long).
    #[inline(always)]
    unsafe fn push(&self, class: usize, block: *mut u8) {
        block.cast::<*mut u8>().write(self.heads[class].get());
        self.heads[class].set(block);
        self.any.set(true);
    }

    /// Hands every listed block to `give_back` with its layout; false if there were none.
    unsafe fn return_all(&self, mut give_back: impl FnMut(*mut u8, Layout)) -> bool {
        if !self.any.replace(false) {
            return false;
        }
        let mut returned = false;
        for class in 0..CLASSES {
            while let Some(block) = self.pop(class) {
                give_back(block, class_layout(class));
                returned = true;
            }
        }
        returned
    }
}

/// C's allocator keeps each block's size in a header of ALIGN bytes before it.
const HEADER: usize = ALIGN;

#[no_mangle]
unsafe extern "C" fn malloc(n: usize) -> *mut c_void {
    realloc(ptr::null_mut(), n)
}

#[no_mangle]
unsafe extern "C" fn realloc(p: *mut c_void, n: usize) -> *mut c_void {
    let Some(total) = n.checked_add(HEADER) else {
        return ptr::null_mut();
    };
    let (base, old_total) = if p.is_null() {
        (ptr::null_mut(), 0)
    } else {
        let base = p.cast::<u8>().sub(HEADER);
        (base.cast::<c_void>(), base.cast::<usize>().read())
    };
    let block = heap_realloc(base, old_total, total).cast::<u8>();
    if block.is_null() {
        return ptr::null_mut();
    }
    block.cast::<usize>().write(total);
    block.add(HEADER).cast()
}

#[no_mangle]
unsafe extern "C" fn free(p: *mut c_void) {
    if !p.is_null() {
        let base = p.cast::<u8>().sub(HEADER);
        heap_realloc(base.cast(), base.cast::<usize>().read(), 0);
    }
}
