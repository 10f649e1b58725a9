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
unsafe fn heap_realloc(ptr: *mut c_void, osize: usize, nsize: usize) -> *mut c_void {
    if nsize == 0 {
        if !ptr.is_null() {
            HEAP.dealloc(ptr.cast(), layout(osize).unwrap());
        }
        return ptr::null_mut();
    }
    let Some(new_layout) = layout(nsize) else {
        return ptr::null_mut();
    };
    if ptr.is_null() {
        HEAP.alloc(new_layout).cast()
    } else {
        HEAP.realloc(ptr.cast(), layout(osize).unwrap(), nsize)
            .cast()
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
